profile "keeps-tls10" {
  protocol tls1.0 enable client
}
