profile "cycle-b" {
  extends "./cycle-a.profile"
}
