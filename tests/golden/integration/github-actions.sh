# The GitHub Actions example, docs/github-actions.yml, checked without GitHub.
# Sourced by github-actions.cmd, so that `reglint` is the program under test.
#   1. Its shape, read with CPAN::Meta::YAML (in Perl's core): triggers,
#      permissions, steps, and an upload-sarif step that runs always and
#      uploads the file a reglint step writes. What it finds is printed, so
#      that any change to the workflow shows in this case's expectations.
#   2. Its `run:` steps that call reglint, run against copies of samples/*.reg
#      in registry/, as the workflow runs them in a repository's checkout;
#      the steps that build and install reglint are named, not run.
#   3. The SARIF file those steps wrote: valid JSON (JSON::PP), SARIF 2.1.0
#      from reglint, and the files its results point at.
top=$(cd ../../.. && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

perl -MCPAN::Meta::YAML -e '
    use strict;
    use warnings;
    my ($path, $steps_out) = @ARGV;
    my $doc = CPAN::Meta::YAML->read($path) or die "cannot read $path: " . CPAN::Meta::YAML->errstr . "\n";
    my $wf = $doc->[0];
    my @problems;
    my $problem = sub { push @problems, shift };
    print "workflow: $wf->{name}; on: ", join(", ", sort keys %{ $wf->{on} || {} }), "\n";
    my $perms = $wf->{permissions} || {};
    print "permissions: ", join(", ", map { "$_ $perms->{$_}" } sort keys %$perms), "\n";
    $problem->("code scanning needs permissions: security-events: write")
        unless ($perms->{"security-events"} // "") eq "write";
    open my $out, ">", $steps_out or die "$steps_out: $!\n";
    my ($written, $uploaded);
    for my $job (sort keys %{ $wf->{jobs} || {} }) {
        my $j = $wf->{jobs}{$job};
        print "job $job on $j->{\"runs-on\"}:\n";
        for my $step (@{ $j->{steps} || [] }) {
            if (defined $step->{run}) {
                print "  run: $step->{run}\n";
                $problem->("a run: step of several lines") if $step->{run} =~ /\n/;
                print $out "$step->{run}\n";
                $written = $1 if $step->{run} =~ /\breglint\b.*-f\s*sarif=(\S+)/;
                $problem->("a reglint step lints a shell glob, which fails when nothing matches: name a directory")
                    if $step->{run} =~ /\breglint\b.*\*/;
            } elsif (defined $step->{uses}) {
                my $with = $step->{with} || {};
                my $if = defined $step->{if} ? " if $step->{if}" : "";
                print "  uses: $step->{uses}$if", (map { "; $_ $with->{$_}" } sort keys %$with), "\n";
                $problem->("a checkout of another repository without ref: pin a release tag")
                    if $step->{uses} =~ m{^actions/checkout\@} && defined $with->{repository} && !defined $with->{ref};
                next unless $step->{uses} =~ m{^github/codeql-action/upload-sarif\@};
                $uploaded = $with->{sarif_file};
                $problem->("upload-sarif comes before any reglint step writes SARIF") unless defined $written;
                $problem->("upload-sarif should run if: always(), since lint fails the job on findings")
                    unless ($step->{if} // "") eq "always()";
            } else {
                $problem->("a step with neither run: nor uses:");
            }
        }
    }
    $problem->("no upload-sarif step") unless defined $uploaded;
    $problem->("upload-sarif uploads " . ($uploaded // "nothing") . ", reglint writes " . ($written // "nothing"))
        unless defined $uploaded && defined $written && $uploaded eq $written;
    print "shape: $_\n" for @problems;
    print "shape: ok\n" unless @problems;
    print $out "sarif=", $written // "", "\n";
' "$top/docs/github-actions.yml" "$work/steps" || exit 1

mkdir "$work/registry"
cp "$top"/samples/*.reg "$work/registry/"
cd "$work" || exit 1
sarif=
while IFS= read -r step; do
    case $step in
    sarif=*) sarif=${step#sarif=} ;;
    'reglint '*)
        echo "step: $step"
        eval "$step"
        echo "exit $?"
        ;;
    *) echo "step not run here (builds and installs reglint): $step" ;;
    esac
done <steps

perl -MJSON::PP -e '
    use strict;
    use warnings;
    my $path = shift;
    open my $in, "<:raw", $path or die "sarif: $path: $!\n";
    my $sarif = JSON::PP->new->decode(do { local $/; <$in> });
    my $run = $sarif->{runs}[0];
    my %files;
    $files{ $_->{locations}[0]{physicalLocation}{artifactLocation}{uri} }++ for @{ $run->{results} };
    printf "sarif: %s: version %s, tool %s, %d results in %s\n", $path, $sarif->{version},
        $run->{tool}{driver}{name}, scalar @{ $run->{results} }, join(", ", sort keys %files);
' "$sarif"
