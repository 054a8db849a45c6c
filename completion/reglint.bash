# bash completion for reglint: commands, each command's options and their
# values (formats, levels, targets, built-in templates, rule IDs and names),
# and file names. Installed by `make install` as
# $(PREFIX)/share/bash-completion/completions/reglint; to try it without
# installing: source completion/reglint.bash
#
# Rule IDs and names come from `reglint rules` and templates from
# `reglint templates`, asked of the reglint being completed, so that they are
# always the program's own. It uses nothing bash 3.2 (macOS) lacks but
# compopt, which it does without there, and nothing from the bash-completion
# package.

# The Windows versions --target knows (docs/reglint.1, src/knowledge.c).
_reglint_targets="windows-server-2008-sp2 windows-7-sp1 windows-server-2008-r2-sp1 windows-8
windows-server-2012 windows-8.1 windows-server-2012-r2 windows-10-1507 windows-10
windows-server-2016 windows-server-2019 windows-server-2022 windows-11 windows-11-24h2
windows-server-2025"

_reglint_commands="lint rules rule dump show fmt posture diff gen templates convert targets"

# The options of each command that take no value, then those that take one.
_reglint_lint_flags="--no-inline-suppressions --fix --diff --unsafe-fixes --show-fixes --no-config
--statistics -q --quiet -h --help --all-keys"
_reglint_lint_valued="-f --format -o --output --profile --target --severity --fail-on --select
--ignore --color --stdin-filename --fix-to -j --jobs --root --config --baseline --write-baseline
--mount"
_reglint_report_valued="-f --format --target --view --stdin-filename --root --mount"

# Adds to COMPREPLY the words of $1 that start with $2.
_reglint_words() {
    local word
    for word in $1; do
        case $word in
        "$2"*) COMPREPLY+=("$word") ;;
        esac
    done
}

# Adds to COMPREPLY the files starting with $1: directories, and with $2
# "reg", only files whose name ends in .reg, .pol, .inf, .xml or .profile
# (any case).
_reglint_files() {
    local path
    # Directories get their '/' (compopt is bash 4; outside a completion it fails).
    compopt -o filenames 2>/dev/null
    while IFS= read -r path; do
        if [ -z "$path" ]; then
            continue
        elif [ -d "$path" ]; then
            COMPREPLY+=("$path")
        elif [ "$2" != reg ]; then
            COMPREPLY+=("$path")
        else
            case $path in
            *.[rR][eE][gG] | *.[pP][oO][lL] | *.[iI][nN][fF] | *.[xX][mM][lL] | *.profile)
                COMPREPLY+=("$path") ;;
            esac
        fi
    done <<EOF
$(compgen -f -- "$1")
EOF
}

# The first column of a reglint listing ($2: rules or templates); with $3
# "names", the second column as well (rule names).
_reglint_list() {
    "$1" "$2" 2>/dev/null | while read -r first second _; do
        printf '%s\n' "$first"
        [ "$3" = names ] && printf '%s\n' "$second"
    done
}

# Completes the value of option $1 of command $2, the word being $3.
_reglint_value() {
    local option=$1 command=$2 cur=$3
    case $option in
    -f | --format)
        if [ "$command" = lint ]; then
            _reglint_words "text gcc json sarif github" "$cur"
        elif [ "$command" = gen ]; then
            _reglint_words "reg pol lgpo gpp" "$cur"
        elif [ "$command" = rules ]; then
            _reglint_words "text json" "$cur"
        else
            _reglint_words "text json markdown" "$cur"
        fi
        ;;
    --to) _reglint_words "reg pol lgpo gpp" "$cur" ;;
    --root) _reglint_words "machine user" "$cur" ;;
    --mount) _reglint_words 'HKLM\\SYSTEM HKLM\\SOFTWARE HKCU' "$cur" ;;
    --severity) _reglint_words "error warning info style" "$cur" ;;
    --fail-on) _reglint_words "error warning info style none" "$cur" ;;
    --color) _reglint_words "auto always never" "$cur" ;;
    --encoding) _reglint_words "utf16 utf8 ansi" "$cur" ;;
    --target) _reglint_words "$_reglint_targets" "$cur" ;;
    --view) _reglint_words "64 32" "$cur" ;;
    -j | --jobs) _reglint_words "0 1 2 4 8" "$cur" ;;
    --show) _reglint_words "$(_reglint_list "$_reglint_program" templates)" "$cur" ;;
    --profile)
        _reglint_words "$(_reglint_list "$_reglint_program" templates)" "$cur"
        _reglint_files "$cur" reg
        ;;
    --select | --ignore)
        # A comma-separated list: complete its last item.
        local head='' item=$cur
        case $cur in
        *,*)
            head=${cur%,*},
            item=${cur##*,}
            ;;
        esac
        local rule
        for rule in $(_reglint_list "$_reglint_program" rules names); do
            case $rule in
            "$item"*) COMPREPLY+=("$head$rule") ;;
            esac
        done
        ;;
    *) _reglint_files "$cur" ;; # -o, --output, --fix-to, --undo, --user-out, --stdin-filename
    esac
}

_reglint() {
    COMPREPLY=()
    local cword=$COMP_CWORD
    local cur=${COMP_WORDS[cword]}
    local prev=
    [ "$cword" -gt 0 ] && prev=${COMP_WORDS[cword - 1]}
    # With '=' among the word breaks, "--format=js" comes as "--format" "=" "js".
    if [ "$cur" = "=" ]; then
        cur=
    elif [ "$prev" = "=" ] && [ "$cword" -gt 1 ]; then
        prev=${COMP_WORDS[cword - 2]}
    fi
    local _reglint_program=${COMP_WORDS[0]}
    command -v "$_reglint_program" >/dev/null 2>&1 || _reglint_program=reglint

    if [ "$cword" -eq 1 ]; then
        case $cur in
        -*) _reglint_words "--version $_reglint_lint_flags $_reglint_lint_valued" "$cur" ;;
        *)
            _reglint_words "$_reglint_commands" "$cur"
            _reglint_files "$cur" reg
            ;;
        esac
        return 0
    fi

    # The command is the first word; anything else there means lint.
    local command=${COMP_WORDS[1]}
    case " $_reglint_commands " in
    *" $command "*) ;;
    *) command=lint ;;
    esac

    local flags='' valued=''
    case $command in
    lint)
        flags=$_reglint_lint_flags
        valued=$_reglint_lint_valued
        ;;
    posture | diff)
        flags="-h --help --all-keys"
        valued=$_reglint_report_valued
        ;;
    gen)
        flags="-h --help"
        valued="-o --output --target --encoding --undo --format --user-out"
        ;;
    convert)
        flags="-h --help --all-keys"
        valued="-o --output --to --user-out --encoding --root --mount"
        ;;
    fmt) flags="--check -h --help" ;;
    dump | show)
        flags="-h --help --all-keys"
        valued="--root --mount"
        ;;
    rules)
        flags="-h --help"
        valued="-f --format"
        ;;
    templates)
        flags="-h --help"
        valued="--show"
        ;;
    *) flags="-h --help" ;;
    esac

    local option
    for option in $valued; do
        if [ "$prev" = "$option" ]; then
            _reglint_value "$prev" "$command" "$cur"
            return 0
        fi
    done

    case $cur in
    -*)
        _reglint_words "$flags $valued" "$cur"
        return 0
        ;;
    esac

    case $command in
    rules) _reglint_words "$(_reglint_list "$_reglint_program" rules names)" "$cur" ;;
    templates | targets) ;;
    rule) _reglint_words "$(_reglint_list "$_reglint_program" rules names)" "$cur" ;;
    gen)
        _reglint_words "$(_reglint_list "$_reglint_program" templates)" "$cur"
        _reglint_files "$cur" reg
        ;;
    lint | posture | diff | fmt | dump | show | convert) _reglint_files "$cur" reg ;;
    esac
    return 0
}

complete -F _reglint reglint
