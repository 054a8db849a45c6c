#!/usr/bin/env python3
"""Writes the binary Registry.pol inputs of these golden cases (run it here;
the .pol files are committed, this says what is in them)."""
import struct


def sz(text):
    return (text + "\0").encode("utf-16-le")


def record(key, name, rtype, data):
    return (b"[\0" + sz(key) + b";\0" + sz(name) + b";\0" + struct.pack("<I", rtype) + b";\0"
            + struct.pack("<I", len(data)) + b";\0" + data + b"]\0")


def dword(v):
    return struct.pack("<I", v)


HEADER = b"PReg" + struct.pack("<I", 1)
T = "Software\\Policies\\Test"
special = [
    record(T, "Dword", 4, dword(1)),
    record(T, "Text", 1, sz("hello \"world\"")),
    record(T, "Multi", 7, sz("a") + sz("b") + b"\0\0"),
    record(T, "Old", 4, dword(7)),
    record(T, "**del.Old", 1, sz(" ")),
    record(T + "\\Empty", "", 0, b""),
    record(T + "2", "A", 4, dword(1)),
    record(T + "2", "B", 4, dword(2)),
    record(T + "2", "**delvals.", 1, sz(" ")),
    record(T + "2", "C", 4, dword(3)),
    record(T + "3", "X", 4, dword(1)),
    record(T + "3", "**DeleteValues", 1, sz("X;Y")),
    record(T + "4\\Sub1", "V", 4, dword(1)),
    record(T + "4", "**DeleteKeys", 1, sz("Sub1;Sub2")),
    record(T + "5", "**SecureKey", 4, dword(1)),
    record(T + "5", "**soft.Soft", 4, dword(5)),
    record(T + "5", "**soft.Soft", 4, dword(6)),
    record(T + "5", "**bogus.X", 4, dword(0)),
    record(T + "6", "Short", 4, b"\1\0\0"),
    record(T + "6", "Odd", 99, b"\1"),
    record(T + "6", "NoNul", 1, "abc".encode("utf-16-le")),
    record("", "Orphan", 4, dword(1)),
    record("Software\\\\Double", "V", 4, dword(1)),
    record("HKEY_LOCAL_MACHINE\\Software\\Rooted", "V", 4, dword(1)),
    record(T + "7", "Qword", 11, struct.pack("<Q", 1 << 40)),
    record(T + "7", "Bin", 3, b"\xde\xad"),
    record(T + "7", "", 1, sz("default")),
]
open("special.pol", "wb").write(HEADER + b"".join(special))

good = record(T, "A", 4, dword(1)) + record(T, "B", 4, dword(2))
open("truncated.pol", "wb").write(HEADER + good + record(T, "C", 4, dword(3))[:-7])
open("no-bracket.pol", "wb").write(HEADER + good + b"X\0")
open("version2.pol", "wb").write(b"PReg" + struct.pack("<I", 2) + good)
open("header-only.pol", "wb").write(HEADER)

S = "SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols"
tls = [
    record(S + "\\TLS 1.0\\Server", "Enabled", 4, dword(0)),
    record(S + "\\TLS 1.0\\Server", "DisabledByDefault", 4, dword(1)),
    record(S + "\\TLS 1.2\\Server", "Enabled", 4, dword(1)),
    record("SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319", "SchUseStrongCrypto", 4, dword(1)),
    record("SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319", "SystemDefaultTlsVersions", 4, dword(1)),
    record("SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002", "Functions", 1,
           sz("TLS_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")),
]
open("tls.pol", "wb").write(HEADER + b"".join(tls))

import os
os.makedirs("gpo-backup/DomainSysvol/GPO/Machine", exist_ok=True)
os.makedirs("gpo-backup/DomainSysvol/GPO/User", exist_ok=True)
open("gpo-backup/Backup.xml", "w").write("<GroupPolicyBackupScheme/>\n")
open("gpo-backup/DomainSysvol/GPO/Machine/registry.pol", "wb").write(HEADER + b"".join(tls[:3]))
open("gpo-backup/DomainSysvol/GPO/User/Registry.pol", "wb").write(
    HEADER + record("Software\\Policies\\Microsoft\\Internet Explorer\\Main", "Isolation", 1, sz("PMEM")))

# A Registry.pol whose bytes were read as UTF-16 text and saved as UTF-8.
open("reencoded.pol", "wb").write(
    (HEADER + b"".join(tls)).decode("utf-16-le", "replace").encode("utf-8"))

# A SYSVOL policy folder: gpt.ini beside Machine and User (names in any case).
os.makedirs("sysvol/MACHINE/microsoft/windows nt/SecEdit", exist_ok=True)
os.makedirs("sysvol/User/Preferences/Registry", exist_ok=True)
open("sysvol/GPT.INI", "w").write("[General]\r\nVersion=3\r\n")
open("sysvol/MACHINE/Registry.pol", "wb").write(HEADER + b"".join(tls[3:5]))
open("sysvol/MACHINE/microsoft/windows nt/SecEdit/GptTmpl.inf", "w").write(
    "[Unicode]\r\nUnicode=yes\r\n[Registry Values]\r\n"
    "MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy\\Enabled=4,1\r\n"
    "[Version]\r\nsignature=\"$CHICAGO$\"\r\n")
open("sysvol/User/Preferences/Registry/Registry.xml", "w").write(
    '<?xml version="1.0" encoding="utf-8"?>\r\n<RegistrySettings clsid="{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}">'
    '<Registry clsid="{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}" name="SecureProtocols">'
    '<Properties action="U" hive="HKEY_CURRENT_USER" key="Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings" '
    'name="SecureProtocols" type="REG_DWORD" value="00000a80"/></Registry></RegistrySettings>\r\n')
