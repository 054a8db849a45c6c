reglint rule weak-protocol-enabeld
