profile "curve-names" {
  ecc-curves curve25519 NistP265
}
