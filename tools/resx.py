#!/usr/bin/env python3
"""Writes a .resx pair (neutral Chinese + English) from a TSV of key<TAB>中文<TAB>English.

Usage: tools/resx.py strings.tsv Resources/SharedResource
Keeps UI strings in one readable table; the .resx files are what the app loads.
"""
import sys
from xml.sax.saxutils import escape

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def write(path, rows):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEAD)
        for key, value in rows:
            f.write(f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(value)}</value></data>\n')
        f.write('</root>\n')

def main(tsv, base):
    zh, en = [], []
    for line in open(tsv, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        key, chinese, english = line.split('\t')
        zh.append((key, chinese))
        en.append((key, english))
    write(base + '.resx', zh)
    write(base + '.en.resx', en)

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
