profile "baseline" {
  target windows-server-2019
  protocol tls1.0 tls1.1 disable server
  protocol tls1.2 enable client server
  lint { fail-on error  ignore RL3003 }
}
