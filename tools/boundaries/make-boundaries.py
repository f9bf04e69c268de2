#!/usr/bin/env python3
# Builds data/boundaries/shanxi.geojson, the built-in outlines of Shanxi's prefectures, from echarts.
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build the built-in prefecture outlines of Shanxi province.

The input is the npm package tarball of echarts 4.9.0, exactly as
`npm pack` fetches it. Fetch it with

  mkdir -p _build-boundaries-inputs
  npm pack --pack-destination _build-boundaries-inputs echarts@4.9.0

(or pass --fetch, which runs that command), then run

  tools/boundaries/make-boundaries.py --inputs _build-boundaries-inputs

The tarball is read in place and checked against its published integrity
hash. Its file map/json/province/shanxi.json holds the 11 prefectures in
echarts' compressed form (see decode_ring) and in GCJ-02; every vertex is
decoded, converted to WGS84 and rounded to 5 decimals. Codes and names
come from the built-in region table, data/regions/shanxi.json. Only
Python's standard library is used, and the file is written only if every
check in check_collection() passes.
"""

import argparse
import importlib.util
import json
import math
import os
import subprocess
import sys

sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))


def _load_regions_tool():
    # The GCJ-02 transform, the reading of a checked tarball and the
    # progress log are the region table's own, so that both data files are
    # converted by the same code.
    path = os.path.join(TOP, "tools", "regions", "make-regions.py")
    spec = importlib.util.spec_from_file_location("make_regions", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


regions_tool = _load_regions_tool()
wgs84_to_gcj02 = regions_tool.wgs84_to_gcj02
gcj02_to_wgs84 = regions_tool.gcj02_to_wgs84
distance_km = regions_tool.distance_km
# Progress goes to regions_tool.log_stream: stderr when the outlines go to stdout.
log = regions_tool.log

# The echarts release the region table takes its prefecture centres from,
# so that every centre falls inside its own outline.
PACKAGE_KEY = "centres"
PACKAGE = regions_tool.PACKAGES[PACKAGE_KEY]
MEMBER = "package/map/json/province/shanxi.json"

# echarts' default when a file gives no "UTF8Scale": 1/1024 of a degree,
# about 100 m, is the resolution of the source.
DEFAULT_SCALE = 1024

DECIMALS = 5

# Bounds of Shanxi with a small margin (as for the region table).
LON_RANGE = (110.2, 114.6)
LAT_RANGE = (34.5, 40.8)

# Shanxi's area is about 156 700 km²; simplified outlines may differ by a
# few per cent.
AREA_KM2 = (150000.0, 163000.0)

# A round trip WGS84 -> GCJ-02 must land within a centimetre of the source.
MAX_ROUND_TRIP_M = 0.01


class BoundaryError(Exception):
    pass


def zigzag_decode(v):
    """0, 1, 2, 3, 4, … -> 0, -1, 1, -2, 2, …"""
    return (v >> 1) ^ (-(v & 1))


def decode_ring_units(encoded, offset):
    """A ring as integer (x, y) in units of 1/scale degree.

    Each vertex is two characters, x then y. A character's code point
    minus 64 is a zigzag-encoded difference from the previous vertex; the
    first vertex is a difference from the geometry's encodeOffsets pair.
    This is decodePolygon() of echarts' lib/coord/geo/parseGeoJson.js,
    which works on UTF-16 code units; the file only uses code points below
    U+0100, where code units and code points are the same.
    """
    if len(encoded) % 2 != 0:
        raise BoundaryError(f"encoded ring of odd length {len(encoded)}")
    x, y = offset
    units = []
    for i in range(0, len(encoded), 2):
        cx, cy = ord(encoded[i]) - 64, ord(encoded[i + 1]) - 64
        if cx < 0 or cy < 0 or cx > 0xFFFF or cy > 0xFFFF:
            raise BoundaryError(f"character {encoded[i:i + 2]!r} at {i} is not an encoded delta")
        x += zigzag_decode(cx)
        y += zigzag_decode(cy)
        units.append((x, y))
    return units


def decode_ring(encoded, offset, scale=DEFAULT_SCALE):
    """A ring as (lon, lat) in degrees of the source's datum (GCJ-02)."""
    return [(x / scale, y / scale) for x, y in decode_ring_units(encoded, offset)]


def decode_geometry(geometry, scale=DEFAULT_SCALE):
    """A compressed Polygon or MultiPolygon as a list of polygons, each a
    list of rings. encodeOffsets has the nesting of the rings: one pair per
    ring of a Polygon, a list of pairs per polygon of a MultiPolygon."""
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    offsets = geometry.get("encodeOffsets")
    if kind == "Polygon":
        polygons, polygon_offsets = [coords], [offsets]
    elif kind == "MultiPolygon":
        polygons, polygon_offsets = coords, offsets
    else:
        raise BoundaryError(f"geometry {kind!r} is neither Polygon nor MultiPolygon")
    if not isinstance(polygons, list) or not isinstance(polygon_offsets, list) \
       or len(polygons) != len(polygon_offsets):
        raise BoundaryError("coordinates and encodeOffsets do not match")
    result = []
    for rings, ring_offsets in zip(polygons, polygon_offsets):
        if len(rings) != len(ring_offsets):
            raise BoundaryError("a polygon's rings and offsets do not match")
        result.append([decode_ring(r, o, scale) for r, o in zip(rings, ring_offsets)])
    return result


def signed_area(ring):
    """Twice the signed area in square degrees; positive when counterclockwise."""
    return sum(ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1] for i in range(len(ring)))


def area_km2(ring):
    """Area of a ring of a few degrees, on an equal-area projection about its
    own mean latitude; good to well under 1 % at this size."""
    lat0 = math.radians(sum(p[1] for p in ring) / len(ring))
    k = 6371.0 * math.pi / 180.0
    pts = [(p[0] * k * math.cos(lat0), math.sin(math.radians(p[1])) * 6371.0 / math.cos(lat0))
           for p in ring]
    return abs(signed_area(pts)) / 2.0


def convert_ring(ring, stats):
    """GCJ-02 -> WGS84, rounded; closed, without repeated vertices."""
    out = []
    for lon, lat in ring:
        w_lon, w_lat = gcj02_to_wgs84(lon, lat)
        back = wgs84_to_gcj02(w_lon, w_lat)
        stats["round_trip_m"] = max(stats["round_trip_m"], distance_km(back, (lon, lat)) * 1000.0)
        shift = distance_km((lon, lat), (w_lon, w_lat)) * 1000.0
        stats["min_shift_m"] = min(stats["min_shift_m"], shift)
        stats["max_shift_m"] = max(stats["max_shift_m"], shift)
        point = [round(w_lon, DECIMALS), round(w_lat, DECIMALS)]
        if not out or out[-1] != point:
            out.append(point)
    if out[0] != out[-1]:
        out.append(list(out[0]))
    return out


def orient(polygon):
    """RFC 7946's right-hand rule: outer ring counterclockwise, holes clockwise."""
    result = []
    for i, ring in enumerate(polygon):
        ccw = signed_area(ring) > 0
        result.append(ring if ccw == (i == 0) else ring[::-1])
    return result


def read_prefectures(regions_path):
    """The prefectures of the built-in region table: {name: (code, centre)}."""
    with open(regions_path, encoding="utf-8") as f:
        table = json.load(f)
    prefectures = {}
    for r in table["regions"]:
        if r["level"] == "prefecture":
            prefectures[r["name"]["zh"]] = (r["code"], tuple(r["center"]))
    if len(prefectures) != 11:
        raise BoundaryError(f"{regions_path}: {len(prefectures)} prefectures, not 11")
    return prefectures


def read_source(inputs):
    with regions_tool.open_tarball(inputs, PACKAGE_KEY) as tar:
        return json.loads(regions_tool.read_member(tar, MEMBER))


def build(source, prefectures):
    if source.get("type") != "FeatureCollection" or source.get("UTF8Encoding") is not True:
        raise BoundaryError(f"{MEMBER} is not a compressed FeatureCollection")
    scale = source.get("UTF8Scale", DEFAULT_SCALE)
    stats = {"round_trip_m": 0.0, "min_shift_m": math.inf, "max_shift_m": 0.0,
             "source_vertices": 0, "vertices": 0}
    features = {}
    for feature in source["features"]:
        name = feature["properties"]["name"]
        if name not in prefectures:
            raise BoundaryError(f"feature {name!r} is not a prefecture of data/regions/shanxi.json")
        code = prefectures[name][0]
        # The source's own id, where it has one, must agree with the table.
        if "id" in feature and str(feature["id"]) != code:
            raise BoundaryError(f"feature {name}: id {feature['id']} but the table says {code}")
        if code in features:
            raise BoundaryError(f"feature {name} appears twice")
        polygons = decode_geometry(feature["geometry"], scale)
        stats["source_vertices"] += sum(len(r) for p in polygons for r in p)
        converted = [orient([convert_ring(r, stats) for r in p]) for p in polygons]
        stats["vertices"] += sum(len(r) for p in converted for r in p)
        if len(converted) == 1:
            geometry = {"type": "Polygon", "coordinates": converted[0]}
        else:
            geometry = {"type": "MultiPolygon", "coordinates": converted}
        features[code] = {
            "type": "Feature",
            "properties": {"adcode": code, "name": name},
            "geometry": geometry,
        }
    log(f"decoded {stats['source_vertices']} vertices (scale {scale}), "
        f"{stats['vertices']} without the source's repeated vertices")
    log(f"GCJ-02 -> WGS84 moved vertices {stats['min_shift_m']:.0f}-{stats['max_shift_m']:.0f} m; "
        f"largest round-trip error {stats['round_trip_m'] * 1e6:.3f} µm")
    if stats["round_trip_m"] > MAX_ROUND_TRIP_M:
        raise BoundaryError(f"GCJ-02 round trip off by {stats['round_trip_m']:.3f} m")
    if not (200.0 < stats["min_shift_m"] and stats["max_shift_m"] < 1000.0):
        raise BoundaryError("GCJ-02 shift outside 200-1000 m: implausible over Shanxi")
    return [features[c] for c in sorted(features)]


def polygons_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def inside(point, polygons):
    """Even-odd rule over every ring, so holes count as outside."""
    x, y = point
    hit = False
    for polygon in polygons:
        for ring in polygon:
            for i in range(len(ring)):
                x1, y1 = ring[i]
                x2, y2 = ring[i - 1]
                if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                    hit = not hit
    return hit


def check_collection(features, prefectures):
    """Refuses outlines that are wrong in any way we can tell."""
    problems = []
    codes = [f["properties"]["adcode"] for f in features]
    if codes != sorted(c for c, _ in prefectures.values()):
        problems.append(f"codes {codes} are not the table's 11 prefectures")
    total_km2 = 0.0
    for feature in features:
        code, name = feature["properties"]["adcode"], feature["properties"]["name"]
        polygons = polygons_of(feature["geometry"])
        for polygon in polygons:
            for i, ring in enumerate(polygon):
                if len(ring) < 4 or ring[0] != ring[-1]:
                    problems.append(f"{code} {name}: a ring of {len(ring)} positions, not closed")
                for lon, lat in ring:
                    if not (LON_RANGE[0] <= lon <= LON_RANGE[1] and LAT_RANGE[0] <= lat <= LAT_RANGE[1]):
                        problems.append(f"{code} {name}: vertex {lon}, {lat} outside Shanxi")
                        break
                    if round(lon, DECIMALS) != lon or round(lat, DECIMALS) != lat:
                        problems.append(f"{code} {name}: vertex {lon}, {lat} not rounded")
                        break
                total_km2 += area_km2(ring) * (1 if i == 0 else -1)
        # A prefecture's centre (the seat of its government) lies in its own
        # outline and in no other: catches a feature filed under the wrong code.
        centre = next(c for n, (k, c) in prefectures.items() if k == code)
        holders = [f["properties"]["adcode"] for f in features
                   if inside(centre, polygons_of(f["geometry"]))]
        if holders != [code]:
            problems.append(f"{code} {name}: centre {centre} lies in {holders}")
    if not AREA_KM2[0] <= total_km2 <= AREA_KM2[1]:
        problems.append(f"total area {total_km2:.0f} km² is not Shanxi's (about 156 700 km²)")
    if problems:
        raise BoundaryError("outlines refused:\n  " + "\n  ".join(problems))
    log(f"checks passed: 11 prefectures, every vertex inside {LON_RANGE[0]}-{LON_RANGE[1]} E, "
        f"{LAT_RANGE[0]}-{LAT_RANGE[1]} N, every centre in its own outline only, "
        f"total area {total_km2:.0f} km²")


def render(features):
    name, version, integrity = PACKAGE
    doc = {
        "type": "FeatureCollection",
        "source": (f"npm package {name}@{version} ({integrity}), {MEMBER[len('package/'):]}: "
                   "decoded, converted from GCJ-02 to WGS84 and rounded to 5 decimals; codes "
                   "from data/regions/shanxi.json; built by tools/boundaries/make-boundaries.py. "
                   "Approximate outlines, not an approved map."),
        "licence": ("Apache-2.0, Copyright 2017-2020 The Apache Software Foundation (echarts, "
                    "see its NOTICE); see data/boundaries/README.md"),
        "features": features,
    }
    # One feature per block and one vertex per line: readable diffs when
    # the outlines are rebuilt.
    lines = ["{"]
    for key in ("type", "source", "licence"):
        lines.append(f"  {json.dumps(key)}: {json.dumps(doc[key], ensure_ascii=False)},")
    lines.append('  "features": [')
    for fi, feature in enumerate(features):
        props = json.dumps(feature["properties"], ensure_ascii=False)
        geometry = feature["geometry"]
        lines.append(f'    {{"type": "Feature", "properties": {props}, "geometry": '
                     f'{{"type": "{geometry["type"]}", "coordinates": [')
        polygons = polygons_of(geometry)
        multi = geometry["type"] == "MultiPolygon"
        for pi, polygon in enumerate(polygons):
            if multi:
                lines.append("      [")
            for ri, ring in enumerate(polygon):
                lines.append("      [")
                for vi, (lon, lat) in enumerate(ring):
                    sep = "," if vi + 1 < len(ring) else ""
                    lines.append(f"        [{lon!r}, {lat!r}]{sep}")
                lines.append("      ]" + ("," if ri + 1 < len(polygon) else ""))
            if multi:
                lines.append("      ]" + ("," if pi + 1 < len(polygons) else ""))
        lines.append("    ]}}" + ("," if fi + 1 < len(features) else ""))
    lines.append("  ]")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    if json.loads(text) != doc:
        raise BoundaryError("rendering changed the outlines")
    return text


def fetch(inputs):
    os.makedirs(inputs, exist_ok=True)
    name, version, _ = PACKAGE
    cmd = ["npm", "pack", "--silent", "--pack-destination", inputs, f"{name}@{version}"]
    log("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def main():
    default_out = os.path.join(TOP, "data", "boundaries", "shanxi.geojson")
    default_regions = os.path.join(TOP, "data", "regions", "shanxi.json")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 epilog="See data/boundaries/README.md.")
    ap.add_argument("--inputs", required=True,
                    help="folder holding the npm pack tarball")
    ap.add_argument("--fetch", action="store_true",
                    help="run npm pack into --inputs first")
    ap.add_argument("--regions", default=default_regions,
                    help=f"the region table giving codes and centres (default {default_regions})")
    ap.add_argument("--output", default=default_out,
                    help=f"where to write the outlines (default {default_out}); - for stdout")
    args = ap.parse_args()

    if args.output == "-":
        regions_tool.log_stream = sys.stderr

    try:
        if args.fetch:
            fetch(args.inputs)
        regions_tool.check_gcj02()
        prefectures = read_prefectures(args.regions)
        features = build(read_source(args.inputs), prefectures)
        check_collection(features, prefectures)
        text = render(features)
    except (BoundaryError, regions_tool.TableError, OSError, KeyError, ValueError,
            subprocess.CalledProcessError) as e:
        print(f"make-boundaries: {e}", file=sys.stderr)
        return 1

    if args.output == "-":
        sys.stdout.write(text)
        return 0
    old = None
    if os.path.exists(args.output):
        with open(args.output, encoding="utf-8") as f:
            old = f.read()
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    log(f"wrote {args.output}: {len(features)} prefectures, {len(text)} bytes"
        + (" (unchanged)" if old == text else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
