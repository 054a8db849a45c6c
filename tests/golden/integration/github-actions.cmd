. ./github-actions.sh
