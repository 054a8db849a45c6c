profile "policy files" {
  lint { ignore RL1103 policy-root-assumed }
}
