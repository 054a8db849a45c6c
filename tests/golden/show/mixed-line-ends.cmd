printf 'REGEDIT4\r\n[A]\r[B]\n[C]\r\n' | reglint show - | od -An -c
