profile "not-ansi" {
  key "HKCU\Softwserverare\rsecure-﻿tocols﻿gerarMinKeyBitLengthrverityrver-o7729engthinttsvaluet-ethinttsvaluet-e" { value "Check" string "✓off done" }
}
