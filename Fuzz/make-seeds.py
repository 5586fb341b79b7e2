#!/usr/bin/env python3
"""Writes the fuzz seeds (Fuzz/Seeds/<target>/) and dictionaries (Fuzz/Dictionaries/) from the corpus, the schema
and the tests.

    python3 Fuzz/make-seeds.py      # rewrites Fuzz/Seeds/ and Fuzz/Dictionaries/ (committed; a few tens of small
                                    # files per target)

Seeds are chosen, not dumped: libFuzzer learns more from a few inputs that together use every element, field and
form than from hundreds that repeat each other, and the regression tests replay every seed on each `swift test`.
The selection is deterministic, so rerunning the script changes nothing unless the corpus or the tests changed.
"""

import hashlib
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent
SEEDS = FUZZ / "Seeds"


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def clear(target):
    folder = SEEDS / target
    if folder.exists():
        for f in folder.iterdir():
            f.unlink()


def short_hash(data):
    return hashlib.sha1(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()[:8]


def golden_inputs():
    """The `input` object of every golden case, by file stem."""
    for path in sorted((ROOT / "Tests/AtlasEngineTests/Golden").glob("*/*.json")):
        yield path.stem, json.loads(path.read_text())["input"]


def shape(text):
    """A text with its digits generalised: `2022-01-10 9y` and `2019-03-01 6y` teach a fuzzer the same thing."""
    return re.sub(r"[0-9]+", "9", text)


def case_features(case):
    """What a case exercises: its fields, the vocabulary terms it names, the shape of its term and dates."""
    found = set()
    for key, value in case.items():
        found.add(key)
        if isinstance(value, list):
            found.update(f"{key}={v}" for v in value)
        elif isinstance(value, str):
            found.add(f"{key}={shape(value)}" if key in ("term", "start", "asOf", "birthDate") else f"{key}={value}")
        else:
            found.add(f"{key}={type(value).__name__}")
    return found


def golden_cover():
    """The fewest golden inputs that together use every field, vocabulary term and term shape the golden cases use."""
    cases = list(golden_inputs())
    covered, chosen = set(), []
    while True:
        best = max((c for c in cases if c not in chosen),
                   key=lambda c: (len(case_features(c[1]) - covered), c[0]), default=None)
        if best is None or not case_features(best[1]) - covered:
            return chosen
        chosen.append(best)
        covered |= case_features(best[1])


def test_case_lines():
    """Case lines written out in the Swift tests as raw strings (#"{...}"#), without interpolations."""
    lines = []
    for path in sorted((ROOT / "Tests").rglob("*.swift")):
        for m in re.finditer(r'#"(\{.*?\})"#', path.read_text()):
            line = m.group(1)
            if "\\#(" not in line and line not in lines:
                lines.append(line)
    return lines


# MARK: corpus-document

def corpus_documents():
    """Corpus documents that together use (nearly) every element and attribute of the corpus, fewest bytes first: a
    greedy cover by new (element, attribute) pairs per byte, plus the hostile shapes SafeXML must refuse."""
    target = "corpus-document"
    clear(target)
    paths = sorted((ROOT / "corpus").rglob("*.xml"))
    features = {}
    for path in paths:
        found = set()
        for el in ET.parse(path).iter():
            tag = el.tag.split("}")[-1]
            found.add(tag)
            found.update(f"{tag}@{a.split('}')[-1]}" for a in el.attrib)
        features[path] = found
    covered, chosen = set(), []
    # Every kind of document is in, whatever its size: each is read by its own code.
    for path in paths:
        if path.name in ("sources.xml", "crosswalk.xml", "cases.xml") or path.parent.name == "annexes":
            chosen.append(path)
            covered |= features[path]
    # A large document earns its place only with several new features: each execution of a seed costs in proportion
    # to its size, and one attribute is learnt as well from the dictionary.
    def worth(p):
        return p.stat().st_size <= 16384 or len(features[p] - covered) >= 3

    while True:
        best = max((p for p in paths if p not in chosen and worth(p)),
                   key=lambda p: (len(features[p] - covered) / p.stat().st_size, -p.stat().st_size, str(p)),
                   default=None)
        if best is None or not features[best] - covered:
            break
        chosen.append(best)
        covered |= features[best]
    for path in chosen:
        write(target, path.name, path.read_bytes())
    ns = 'xmlns="urn:parole-atlas:corpus:1"'
    write(target, "hostile-doctype-entity.xml",
          '<?xml version="1.0"?>\n<!DOCTYPE j [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
          f'<jurisdiction {ns} id="x">&e;</jurisdiction>\n')
    write(target, "hostile-deep-nesting.xml", f"<jurisdiction {ns} id=\"x\">" + "<a>" * 300 + "</a>" * 300
          + "</jurisdiction>\n")
    write(target, "hostile-invalid-utf8.xml", b'<?xml version="1.0" encoding="UTF-8"?>\n<sources '
          + ns.encode() + b'>\xff\xfe</sources>\n')
    write(target, "hostile-nul-byte.xml", b"<sources " + ns.encode() + b">\x00</sources>\n")
    write(target, "empty-jurisdiction.xml", f'<jurisdiction {ns} id="zz"/>\n')


# MARK: case-file

def case_files():
    target = "case-file"
    clear(target)
    for stem, case in golden_cover():
        write(target, f"golden-{stem}.json", json.dumps(case, indent=2, ensure_ascii=False) + "\n")
    for line in test_case_lines():
        write(target, f"test-{short_hash(line)}.json", line)
    # Shapes the fast reader gives up on, so that the strict reader is fuzzed too.
    write(target, "escapes-and-unicode.json",
          '{"term": "9\\u0079", "category": "gr\\u0061ve", "start": "2022-01-10", "sex": "\\u00e9"}')
    write(target, "number-forms.json", '{"term": "9y", "category": "grave", "start": "2022-01-10", "age": 4.0e1}')
    write(target, "nested.json", '{"term": "9y", "offences": [["corruption"]], "x": {"y": [1, {"z": null}]}}')


# MARK: batch-lines

def compact(case):
    return json.dumps(case, ensure_ascii=False, separators=(",", ":"))


def batch_lines():
    target = "batch-lines"
    clear(target)
    golden = [compact(case) for _, case in golden_inputs()]
    tests = test_case_lines()
    write(target, "golden.jsonl", "\n".join(golden) + "\n")
    write(target, "tests.jsonl", "\n".join(tests) + "\n")
    write(target, "blank-and-crlf.jsonl", "\r\n".join([golden[0], "", "  \t", golden[1], "\r"]) + "\r\n")
    write(target, "no-final-newline.jsonl", "\n".join(golden[:3]))
    write(target, "bad-lines.jsonl", "\n".join(['{"term": "9y"', "[]", "null", golden[2], '{"term": 9}', ""]))
    write(target, "empty.jsonl", "")
    write(target, "only-newlines.jsonl", "\n\n\n")


# MARK: dictionaries

def dictionary(name, tokens):
    """A libFuzzer dictionary: tokens the parser compares input with, which random mutation rarely spells."""
    def quoted(token):
        out = "".join(c if 0x20 <= ord(c) < 0x7F and c not in '"\\' else
                      "".join(f"\\x{b:02X}" for b in c.encode()) for c in token)
        return f'"{out}"'
    folder = FUZZ / "Dictionaries"
    folder.mkdir(exist_ok=True)
    lines = [f"# Generated by Fuzz/make-seeds.py; do not edit."] + [quoted(t) for t in sorted(set(tokens))]
    (folder / name).write_text("\n".join(lines) + "\n")


def dictionaries():
    schema = (ROOT / "schema/parole-atlas.xsd").read_text()
    names = set(re.findall(r'<xs:(?:element|attribute) name="([^"]+)"', schema))
    values = set(re.findall(r'<xs:enumeration value="([^"]+)"', schema))
    terms = set(re.findall(r'<term id="([^"]+)"', (ROOT / "corpus/vocabulary.xml").read_text()))
    xml = [f"<{n}" for n in names] + [f"</{n}>" for n in names] + [f' {n}="' for n in names] + list(values) + list(terms)
    xml += ['xmlns="urn:parole-atlas:corpus:1"', 'xml:lang="', "<?xml", "?>", "<!--", "-->", "<![CDATA[", "]]>",
            "<!DOCTYPE", "&amp;", "&#x", "/>"]
    dictionary("corpus-xml.dict", xml)
    keys = set(re.findall(r'"(\w+)": \.(?:string|int|bool|list)', (ROOT / "Sources/AtlasInput/CaseFile.swift").read_text()))
    case = [f'"{k}":' for k in keys] + [f'"{t}"' for t in terms]
    case += ["true", "false", "null", "\\u00", "\\ud83d\\ude00", "1e3", "-0", "9y", "7y6m", "life", "2024-02-29", "\n"]
    dictionary("case-json.dict", case)
    dictionary("term-and-date.dict", ["y", "m", "d", "life", "P", "Y", "M", "D", "/", "-02-29", "-12-31", " ", "9999"])


# MARK: term-and-date

def terms_and_dates():
    target = "term-and-date"
    clear(target)
    texts = []

    def add(text):
        if text not in texts:
            texts.append(text)

    for path in sorted((ROOT / "Tests").rglob("*.swift")):
        source = path.read_text()
        for m in re.finditer(r'"--(?:term|start|as-of|birth-date)", "([^"\\]*)"', source):
            add(m.group(1))
        for m in re.finditer(r'(?:iso|compact|parsing): "([^"\\]*)"', source):
            add(m.group(1))
    for text in ["9y", "7y6m", "2y3m15d", "18m", "45d", "1Y2M", "LIFE", " life ", "999999y999999m999999d",
                 "9999-12-31 999999y", "0001-01-01 1d", "2024-02-29 1y", "P0D", "0/1", "1/0", "+3", "9223372036854775807/1"]:
        add(text)
    # From the golden cases and the corpus, one text per shape: their digits differ, their forms repeat.
    shapes = {shape(t) for t in texts}
    derived = [case["term"] for _, case in golden_cover()] + [f'{c["start"]} {c["term"]}' for _, c in golden_cover()]
    for path in sorted((ROOT / "corpus").rglob("*.xml")):
        derived += re.findall(r"<(?:fraction|minimum|fixed|duration)[^>]*>([^<]+)<", path.read_text())
    for text in derived:
        if shape(text) not in shapes:
            shapes.add(shape(text))
            add(text)
    for text in texts:
        slug = re.sub(r"[^A-Za-z0-9-]+", "_", text).strip("_")[:32] or "empty"
        write(target, f"{slug}-{short_hash(text)}", text)


if __name__ == "__main__":
    if len(sys.argv) != 1:
        sys.exit(__doc__)
    corpus_documents()
    case_files()
    batch_lines()
    terms_and_dates()
    dictionaries()
    for target in sorted(p.name for p in SEEDS.iterdir()):
        files = list((SEEDS / target).iterdir())
        print(f"{target}: {len(files)} seeds, {sum(f.stat().st_size for f in files)} bytes")
