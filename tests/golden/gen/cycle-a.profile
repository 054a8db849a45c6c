profile "cycle-a" {
  extends "cycle-b.profile"
}
