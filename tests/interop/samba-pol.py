"""What Samba's reader (samba.gp_parse.gp_pol.GPPolParser, Debian's
python3-samba) makes of a Registry.pol, printed as `reglint dump` prints
the net effect of a .reg file, so that the two can be compared line by line.

    samba-pol.py ROOT FILE.pol...   (ROOT: HKEY_LOCAL_MACHINE or HKEY_CURRENT_USER)
    samba-pol.py --records FILE.pol (each record as Samba reads it)

The records are applied in order to an empty registry as [MS-GPREG] says:
"**del.NAME" deletes a value, "**delvals." every value of the key,
"**DeleteValues" and "**DeleteKeys" the ';'-separated values or subkeys, a
record with no value name, type or data only creates its key. Lines are
printed unsorted: sort them (LC_ALL=C sort) before comparing."""
import sys

from samba.gp_parse.gp_pol import GPPolParser

TYPES = ["REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD",
         "REG_DWORD_BIG_ENDIAN", "REG_LINK", "REG_MULTI_SZ", "REG_RESOURCE_LIST",
         "REG_FULL_RESOURCE_DESCRIPTOR", "REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD"]


def data_bytes(entry):
    """The bytes of a record's data (Samba hands numbers and strings back
    decoded; a string's terminating NUL is put back)."""
    d = entry.data
    if d is None:
        return b""
    if isinstance(d, int):
        return d.to_bytes(8 if entry.type == 11 else 4, "little")
    if isinstance(d, str):
        return (d + "\0").encode("utf-16le")
    return bytes(d)


def records(path):
    """(key, value name, type, data) of each record, copied out of Samba's
    objects, whose strings do not outlive the parse."""
    parser = GPPolParser()
    with open(path, "rb") as f:
        parser.parse(f.read())
    return [(str(e.keyname), str(e.valuename), e.type, data_bytes(e))
            for e in parser.pol_file.entries]


def apply(root, paths):
    keys = {}  # upper-case path -> [spelling, {upper-case name: (name, type, data)}]

    def key(path):
        return keys.setdefault(path.upper(), [path, {}])

    for path in paths:
        for keyname, name, type_, data in records(path):
            low = name.lower()
            if low.startswith("**del."):
                key(keyname)[1].pop(name[6:].upper(), None)
            elif low.startswith("**delvals"):
                key(keyname)[1].clear()
            elif low.startswith("**deletevalues"):
                for n in data.decode("utf-16le").rstrip("\0").split(";"):
                    key(keyname)[1].pop(n.upper(), None)
            elif low.startswith("**deletekeys"):
                for n in data.decode("utf-16le").rstrip("\0").split(";"):
                    top = (keyname + "\\" + n).upper()
                    for k in [k for k in keys if k == top or k.startswith(top + "\\")]:
                        del keys[k]
            elif name == "" and type_ == 0 and not data:
                key(keyname)
            else:
                key(keyname)[1][name.upper()] = (name, type_, data)
    for spelling, values in keys.values():
        full = root + "\\" + spelling
        if not values:
            print("KEY\t" + full)
        for name, type_, data in values.values():
            shown = "@" if name == "" else "\\x40" if name == "@" else name
            print("\t".join([full, shown, TYPES[type_] if type_ < len(TYPES) else "hex(%x)" % type_,
                             data.hex()]))


if sys.argv[1] == "--records":
    for keyname, name, type_, data in records(sys.argv[2]):
        print("[%s;%s;%d;%s]" % (keyname, name, type_, data.hex()))
else:
    apply(sys.argv[1], sys.argv[2:])
