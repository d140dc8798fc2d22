#!/usr/bin/env python3
"""Adds Arabic-script (Dari, Pashto, Persian) names and a few historical / other-script names
to gazetteer/places.csv.

Two sources:

1. GeoNames "cities500" rows (CC BY 4.0, "GeoNames, geonames.org"): the Arabic-script names in
   a row's alternatenames column, for the bundled place with that row's geonames_id, or, for a
   place without an id, the row whose name or an alternate name equals (case and diacritics
   folded) the place's name or one of its aliases and lies within 5 km of the place's point.
   Names that are only a generic word, long official forms ("مرکز ولایت …", the centre of
   province …), Kurdish/Uyghur spellings and mixed-script entries are left out; a district
   gets its seat's names as "ولسوالی X" (X district), since the bare name is its seat town's.
2. EXTRA below: names checked by hand for crossings, bridges, rivers, provinces, countries
   and places GeoNames's populated places do not cover, plus Tajik Cyrillic, Uzbek/Turkmen
   Latin and historical names that sources use.

Rerunnable: a name already among a place's aliases (exactly, after Unicode NFC) is not added
again, and nothing is removed. Run from the repository root:

    python3 gazetteer/tools/arabic_aliases.py /path/to/geonames/*.cities500.txt

then `cargo run -- gazetteer check -w` (new shared names are warnings: look at them).
Prints what it added per place and a count of places that gained Arabic-script names.
"""

import csv
import io
import math
import sys
import unicodedata

PLACES = "gazetteer/places.csv"
MAX_KM = 5.0

# Hand-checked names: id -> names to add (any script).
EXTRA = {
    # Countries.
    "afg": ["افغانستان"],
    "irn": ["ایران"],
    "pak": ["پاکستان"],
    "chn": ["چین"],
    "rus": ["روسیه"],
    "tjk": ["تاجیکستان", "Тоҷикистон"],
    "tkm": ["ترکمنستان"],
    "uzb": ["ازبکستان", "Oʻzbekiston", "Ўзбекистон"],
    # Afghan provinces: the bare name where the Latin aliases carry it too (see README),
    # otherwise only "ولایت X" (province of X).
    "afg-badakhshan-province": ["بدخشان", "ولایت بدخشان"],
    "afg-badghis-province": ["بادغیس", "ولایت بادغیس"],
    "afg-balkh-province": ["ولایت بلخ"],
    "afg-farah-province": ["ولایت فراه"],
    "afg-faryab-province": ["فاریاب", "ولایت فاریاب"],
    "afg-herat-province": ["ولایت هرات"],
    "afg-jowzjan-province": ["جوزجان", "ولایت جوزجان"],
    "afg-kabul-province": ["ولایت کابل"],
    "afg-kunduz-province": ["ولایت کندز", "ولایت کندوز"],
    "afg-nimruz-province": ["نیمروز", "ولایت نیمروز"],
    "afg-takhar-province": ["تخار", "ولایت تخار"],
    # Cities and towns (GeoNames gives most; these are the usual Dari spellings).
    "afg-kabul": ["کابل"],
    "afg-herat": ["هرات"],
    "afg-mazar-i-sharif": ["مزار شریف", "مزارشریف"],
    "afg-kunduz": ["کندز", "کندوز", "قندوز"],
    "afg-kandahar": ["قندهار", "کندهار"],
    "afg-jalalabad": ["جلال آباد", "جلال‌آباد"],
    "afg-zaranj": ["زرنج"],
    "afg-farah": ["فراه"],
    "afg-taloqan": ["تالقان", "طالقان"],
    "afg-maymana": ["میمنه"],
    "afg-khost": ["خوست"],
    "afg-lashkar-gah": ["لشکرگاه", "لشکر گاه"],
    "afg-fayzabad-badakhshan": ["فیض آباد بدخشان"],
    "afg-andkhoy": ["اندخوی"],
    "afg-khulm": ["خلم", "تاشقرغان"],
    "afg-imam-sahib": ["امام صاحب"],
    "afg-rustaq": ["رستاق"],
    # Crossings and bridges.
    "afg-hairatan": ["حیرتان", "بندر حیرتان", "Ҳайратон"],
    "afg-islam-qala": ["اسلام قلعه", "بندر اسلام قلعه"],
    "afg-torghundi": ["تورغندی", "بندر تورغندی"],
    "afg-shir-khan-bandar": ["شیرخان بندر", "شیر خان بندر", "بندر شیرخان", "Шерхон Бандар"],
    "afg-spin-boldak": ["سپین بولدک"],
    "afg-aqina": ["آقینه", "بندر آقینه"],
    "afg-pak-torkham": ["تورخم"],
    "afg-irn-silk-bridge": ["پل ابریشم"],
    "afg-tjk-panji-poyon-bridge": ["پل شیرخان بندر"],
    # Rivers.
    "river-amu-darya": ["آمو دریا", "آمودریا", "دریای آمو", "جیحون", "Амударё", "Amudaryo"],
    # Not the bare پنج: it is also the town and district of Panj, and the word "five".
    "river-panj": ["دریای پنج", "Дарёи Панҷ"],
    "river-hari-rud": ["هریرود", "هری رود", "Теджен"],
    "river-helmand": ["هلمند", "هیرمند", "دریای هلمند"],
    # Iran.
    "irn-mashhad": ["مشهد"],
    "irn-tehran": ["تهران"],
    "irn-zahedan": ["زاهدان"],
    "irn-zabol": ["زابل"],
    "irn-taybad": ["تایباد"],
    "irn-torbat-e-jam": ["تربت جام"],
    "irn-dogharoun": ["دوغارون"],
    "irn-milak": ["میلک"],
    "irn-razavi-khorasan": ["خراسان رضوی"],
    "irn-south-khorasan": ["خراسان جنوبی"],
    "irn-sistan-and-baluchestan": ["سیستان و بلوچستان"],
    # Pakistan.
    "pak-islamabad": ["اسلام آباد"],
    "pak-chaman": ["چمن"],
    # Tajikistan: Persian-script and Tajik Cyrillic names, former names.
    "tjk-dushanbe": ["دوشنبه", "Stalinabad", "Сталинабад"],
    "tjk-bokhtar": ["Қӯрғонтеппа", "Kurgan-Tube", "Kurgantyube", "Bokhtar"],
    "tjk-kulob": ["Кӯлоб", "کولاب"],
    "tjk-khatlon-region": ["Вилояти Хатлон", "ختلان"],
    "tjk-khorog": ["Хоруғ", "Хорог"],
    "tjk-panji-poyon": ["Панҷи Поён"],
    "tjk-ishkashim": ["Ишкошим"],
    # Turkmenistan and Uzbekistan: local Latin, Russian, Persian and former names.
    "tkm-serhetabat": ["Кушка", "Serhetabat"],
    "tkm-kerki": ["Атамурат", "Kerki"],
    "tkm-mary": ["مرو"],
    "tkm-ashgabat": ["عشق‌آباد", "Aşgabat"],
    "uzb-termez": ["ترمذ"],
    "uzb-tashkent": ["تاشکند"],
    "rus-moscow": ["مسکو"],
}

# GeoNames names left out, by place: a typo (قيض for فيض), and the bare name of Herat for the
# Iranian village Shahr-e Herat (the Afghan city keeps it).
SKIP = {
    "afg-fayzabad-jowzjan": {"قيض آباد"},
    "irn-shahr-e-herat": {"هرات"},
}

# Letters of Kurdish and Uyghur spellings (GeoNames has some): not what Dari, Pashto or
# Persian sources write.
OTHER_LANGUAGE_LETTERS = set("ەۇۆێڵڕۈۋۉ")

# Canonical forms of generic words (Dari script), never an alias on their own.
GENERIC = {"قلعه", "ده", "بندر", "بازار", "پل", "دریا", "نهر", "کوه", "کوتل", "شهر", "قریه",
           "امام", "حضرت", "خواجه", "صاحب", "مرکز", "ولایت", "ولسوالی", "شیر", "خان", "رود"}


def has_arabic(s):
    return any("\u0600" <= c <= "\u06ff" for c in s)


def dari_letters(s):
    """A rough Dari normal form, only to compare with GENERIC and to skip official forms."""
    table = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا"})
    return "".join(c for c in s.translate(table) if not ("\u064b" <= c <= "\u065f"))


def latin_key(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s.lower() if c.isalnum() and not unicodedata.combining(c))


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def usable(name):
    n = dari_letters(name.strip())
    if not n or n in GENERIC or n.startswith("مرکز") or ("ولایت" in n and not n.startswith("ولایت")):
        return False
    # Mixed with Latin ("Cabul - کابل"), a list ("ماری، ترکمانستان"), a district of the name
    # ("ضلع میمنہ", "ميمنه ولسوالۍ"), Kurdish or Uyghur letters: left out.
    if any(c.isascii() and c.isalpha() for c in n) or "،" in n or "ولسوال" in n or n.startswith("ضلع"):
        return False
    if set(n) & OTHER_LANGUAGE_LETTERS:
        return False
    return len(n) <= 60


def geonames_rows(paths):
    rows = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for line in f:
                c = line.rstrip("\n").split("\t")
                if len(c) < 19:
                    continue
                rows.append({
                    "id": c[0], "name": c[1], "ascii": c[2], "alt": [a for a in c[3].split(",") if a],
                    "lat": float(c[4]), "lon": float(c[5]),
                })
    return rows


def main(paths):
    with open(PLACES, encoding="utf-8", newline="") as f:
        text = f.read()
    reader = csv.DictReader(io.StringIO(text))
    fields = reader.fieldnames
    places = list(reader)
    rows = geonames_rows(paths)
    by_id = {r["id"]: r for r in rows}
    gained = 0
    for p in places:
        aliases = [a for a in p["aliases"].split("|") if a]
        have = {unicodedata.normalize("NFC", a) for a in aliases} | {unicodedata.normalize("NFC", p["name"])}
        add = []
        row = by_id.get(p["geonames_id"]) if p["geonames_id"] else None
        if row is None and not p["geonames_id"] and p["kind"] not in ("country", "province", "border", "river"):
            names = {latin_key(n) for n in [p["name"]] + aliases if not has_arabic(n)}
            for r in rows:
                if km(float(p["lat"]), float(p["lon"]), r["lat"], r["lon"]) < MAX_KM and (
                    {latin_key(r["name"]), latin_key(r["ascii"])} | {latin_key(a) for a in r["alt"]}
                ) & names:
                    row = r
                    break
        if row is not None:
            found = [a for a in row["alt"] if has_arabic(a) and usable(a) and a not in SKIP.get(p["id"], ())]
            if p["kind"] == "district":
                # Districts share their seat's name; the Dari "X district" is "ولسوالی X".
                found = ["ولسوالی " + a for a in found]
            add += found
        add += EXTRA.get(p["id"], [])
        new = []
        for a in add:
            a = unicodedata.normalize("NFC", a.strip())
            if a and a not in have:
                have.add(a)
                new.append(a)
        if new:
            p["aliases"] = "|".join(aliases + new)
            print(f"{p['id']}: {' | '.join(new)}" + (f"  (GeoNames {row['id']})" if row else ""))
        if any(has_arabic(a) for a in p["aliases"].split("|")):
            gained += 1
    unknown = set(EXTRA) - {p["id"] for p in places}
    if unknown:
        sys.exit(f"EXTRA names unknown ids: {sorted(unknown)}")
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    w.writerows(places)
    with open(PLACES, "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())
    print(f"{gained} of {len(places)} places have Arabic-script aliases")


if __name__ == "__main__":
    main(sys.argv[1:])
