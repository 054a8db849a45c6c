profile "syntax-error" {
  protocol tls1.2 enable
  lint { ignore RL5001 }
  }
}
