reglint fmt - <clean.reg | cmp - clean.reg && echo identical
