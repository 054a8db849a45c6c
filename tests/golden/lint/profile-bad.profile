profile "bad" {
  protocol tls9.9 disable server
}
