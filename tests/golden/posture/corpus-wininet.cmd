reglint posture --target windows-8.1 ../../corpus/real/026_vitaley-ie-secureprotocols-aa0.reg
