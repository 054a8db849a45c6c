"""Reads a Registry.pol with Samba's GPPolParser (python3-samba), applies its
records to an empty registry as Group Policy does, and prints the values in
the format of `reglint dump` (value lines only, sorted).

    python3 samba_pol.py [--root ROOT] FILE.pol   (ROOT: HKEY_LOCAL_MACHINE, the default,
                                                   or HKEY_CURRENT_USER for a User file)
    python3 samba_pol.py --records FILE.pol       (each record as Samba reads it:
                                                   [key;name;type;data in hex])
"""
import struct
import sys

from samba.gp_parse.gp_pol import GPPolParser

TYPES = ["REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD",
         "REG_DWORD_BIG_ENDIAN", "REG_LINK", "REG_MULTI_SZ", "REG_RESOURCE_LIST",
         "REG_FULL_RESOURCE_DESCRIPTOR", "REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD"]


def data_bytes(entry):
    """The bytes of a record's data, from the value Samba decoded."""
    data = entry.data
    if data is None:  # a record with no value: it only creates its key
        return b""
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        return (data + "\0").encode("utf-16-le")
    if entry.type == 11:
        return struct.pack("<Q", data)
    if entry.type == 5:
        return struct.pack(">I", data)
    return struct.pack("<I", data)


def text_of(entry):
    return data_bytes(entry).decode("utf-16-le").split("\0")[0]


class Registry:
    def __init__(self):
        self.spelling = {}  # upper-case path -> the first spelling of its last segment
        self.values = {}    # (upper-case key path, upper-case name) -> (name, type, bytes)
        self.names = {}     # the first spelling of each value name

    def key(self, path):
        """Registers every level of `path`; returns its upper-case form."""
        parts = [p for p in path.split("\\") if p]
        up = ""
        for p in parts:
            up = (up + "\\" if up else "") + p.upper()
            self.spelling.setdefault(up, p)
        return up

    def spelt(self, up):
        levels = up.split("\\")
        return "\\".join(self.spelling["\\".join(levels[:i + 1])] for i in range(len(levels)))

    def name(self, key, name):
        return self.names.setdefault((key, name.upper()), name)

    def set(self, key, name, rtype, data):
        self.name(key, name)
        self.values[(key, name.upper())] = (rtype, data)

    def delete(self, key, name):
        self.name(key, name)
        self.values.pop((key, name.upper()), None)

    def delete_values(self, key):
        for k in [k for k in self.values if k[0] == key]:
            del self.values[k]

    def delete_key(self, key):
        for k in [k for k in self.values if k[0] == key or k[0].startswith(key + "\\")]:
            del self.values[k]


def shown_name(name):
    """A value name as `reglint dump` prints it."""
    if name == "":
        return "@"
    if name == "@":
        return "\\x40"
    return "".join("\\x%02x" % ord(c) if ord(c) < 0x20 or ord(c) == 0x7F else c for c in name)


def apply(entries, root):
    reg = Registry()
    for e in entries:
        if not e.keyname or any(not p for p in e.keyname.split("\\")):
            continue
        key = reg.key(e.keyname)
        name = e.valuename
        low = name.lower()
        if low.startswith("**del."):
            reg.delete(key, name[6:])
        elif low in ("**delvals.", "**delvals"):
            reg.delete_values(key)
        elif low == "**deletevalues":
            for n in text_of(e).split(";"):
                if n.strip(" "):
                    reg.delete(key, n.strip(" "))
        elif low == "**deletekeys":
            for n in text_of(e).split(";"):
                if n.strip(" "):
                    reg.delete_key(reg.key(e.keyname + "\\" + n.strip(" ")))
        elif low == "**securekey":
            pass
        elif low.startswith("**soft."):
            if (key, name[7:].upper()) not in reg.values:
                reg.set(key, name[7:], e.type, data_bytes(e))
        elif low.startswith("**"):
            pass
        elif name == "" and e.type == 0 and e.size == 0:
            pass
        else:
            reg.set(key, name, e.type, data_bytes(e))
    lines = []
    for (key, up), (rtype, data) in reg.values.items():
        name = shown_name(reg.names[(key, up)])
        tname = TYPES[rtype] if rtype < len(TYPES) else "hex(%x)" % rtype
        lines.append("%s\\%s\t%s\t%s\t%s" % (root, reg.spelt(key), name, tname, data.hex()))
    return sorted(lines)


def main():
    args = sys.argv[1:]
    root = "HKEY_LOCAL_MACHINE"
    if args[0] == "--root":
        root = args[1]
        args = args[2:]
    parser = GPPolParser()
    parser.parse(open(args[-1], "rb").read())
    if args[0] == "--records":
        for e in parser.pol_file.entries:
            print("[%s;%s;%d;%s]" % (e.keyname, e.valuename, e.type, data_bytes(e).hex()))
        return
    for line in apply(parser.pol_file.entries, root):
        print(line)


main()
