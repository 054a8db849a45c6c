reglint dump - <ansi.reg
