# contoso-web.profile
profile "contoso-web" {
  extends "tls12-only"
  description "Contoso web servers"
  target windows-server-2022
  cipher "Triple DES 168" "RC4 128/128" disable
  lint { fail-on error  ignore RL5001 }
}
