# Runs the bash completion of completion/reglint.bash on one command line and
# prints what it offers, one a line, sorted.
#   bash completion.bash WORD...   (the last word is the one being completed;
#                                   "" for an empty one)
# The words are split as bash splits them, '=' apart. The first word is the
# program: "$REGLINT" runs the reglint under test.
. "$(dirname "$0")/../../../completion/reglint.bash"
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
_reglint
if [ "${#COMPREPLY[@]}" -gt 0 ]; then
    printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort
fi
