#!/usr/bin/env python3
# Tests of make-boundaries.py's decoder and conversion, and of the outlines it wrote.
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run directly (exit status 0 or 1); meson runs it in the "data" suite.

With SITROOM_BOUNDARIES_INPUTS set to a folder holding echarts-4.9.0.tgz,
it also rebuilds the outlines and compares them with the committed file.
"""

import importlib.util
import io
import json
import math
import os
import sys
import unittest

sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))
OUTLINES = os.path.join(TOP, "data", "boundaries", "shanxi.geojson")
REGIONS = os.path.join(TOP, "data", "regions", "shanxi.json")


def _load_tool():
    spec = importlib.util.spec_from_file_location(
        "make_boundaries", os.path.join(HERE, "make-boundaries.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


mb = _load_tool()

# Fragments of echarts 4.9.0, map/json/province/shanxi.json, with the
# vertices they decode to in units of 1/1024 degree. The same vertices came
# out of echarts' own parseGeoJSON (dist/echarts.js run under node) when
# the file was built.
FRAGMENTS = [
    # Feature 140100 太原市: encodeOffsets [115027, 38358], the first 10
    # characters of its ring. "@@" is a zero delta, so the first vertex is
    # the offset itself.
    ("@@AFWN@BBJ", (115027, 38358),
     [(115027, 38358), (115026, 38361), (115014, 38368), (115014, 38369), (115015, 38374)]),
    # Feature 140300 阳泉市: encodeOffsets [116281, 39446], first 6 characters.
    ("@@BWBI", (116281, 39446),
     [(116281, 39446), (116282, 39434), (116283, 39429)]),
    # Feature 141000 临汾市: characters 104-109 of its ring, which start from
    # its vertex 51, (114351, 37570); U+008A is a code above ASCII.
    ("DN\u008aVTJ", (114351, 37570),
     [(114353, 37577), (114390, 37588), (114400, 37593)]),
    # Feature 140800 运城市: characters 106-111, from its vertex 52,
    # (114757, 35982); U+008D decodes to a negative delta (-39).
    ("@CU\u008dAI", (114757, 35982),
     [(114757, 35980), (114746, 35941), (114745, 35936)]),
]


class Decoder(unittest.TestCase):
    def test_zigzag(self):
        cases = {0: 0, 1: -1, 2: 1, 3: -2, 4: 2, 175: -88, 176: 88,
                 0xFFFE: 0x7FFF, 0xFFFF: -0x8000}
        for encoded, value in cases.items():
            self.assertEqual(mb.zigzag_decode(encoded), value, encoded)

    def test_zigzag_is_a_bijection_on_small_codes(self):
        values = [mb.zigzag_decode(v) for v in range(200)]
        self.assertEqual(sorted(values), list(range(-100, 100)))

    def test_fragments(self):
        for encoded, offset, expected in FRAGMENTS:
            self.assertEqual(mb.decode_ring_units(encoded, offset), expected, encoded)

    def test_degrees(self):
        ring = mb.decode_ring("@@AF", (115027, 38358))
        self.assertEqual(ring, [(115027 / 1024, 38358 / 1024), (115026 / 1024, 38361 / 1024)])
        self.assertEqual(ring[0], (112.3310546875, 37.458984375))
        # A file's own UTF8Scale replaces the default of 1024.
        self.assertEqual(mb.decode_ring("@@", (1000, 2000), scale=100), [(10.0, 20.0)])

    def test_odd_length_and_bad_characters(self):
        with self.assertRaises(mb.BoundaryError):
            mb.decode_ring_units("@@A", (0, 0))
        with self.assertRaises(mb.BoundaryError):
            mb.decode_ring_units("@?", (0, 0))

    def test_geometry_offsets_nest_like_rings(self):
        polygon = mb.decode_geometry({"type": "Polygon", "coordinates": ["@@BB", "@@"],
                                      "encodeOffsets": [[1024, 2048], [0, 0]]})
        self.assertEqual(polygon, [[[(1.0, 2.0), (1 + 1 / 1024, 2 + 1 / 1024)], [(0.0, 0.0)]]])
        multi = mb.decode_geometry({"type": "MultiPolygon", "coordinates": [["@@"], ["@@A@"]],
                                    "encodeOffsets": [[[1024, 1024]], [[2048, 0]]]})
        self.assertEqual(multi, [[[(1.0, 1.0)]], [[(2.0, 0.0), (2 - 1 / 1024, 0.0)]]])
        with self.assertRaises(mb.BoundaryError):
            mb.decode_geometry({"type": "Polygon", "coordinates": ["@@"], "encodeOffsets": []})
        with self.assertRaises(mb.BoundaryError):
            mb.decode_geometry({"type": "Point", "coordinates": "@@", "encodeOffsets": [0, 0]})


class Conversion(unittest.TestCase):
    def test_round_trip_over_shanxi(self):
        worst = 0.0
        for i in range(23):
            for j in range(32):
                lon, lat = 110.2 + i * 0.2, 34.5 + j * 0.2
                back = mb.wgs84_to_gcj02(*mb.gcj02_to_wgs84(lon, lat))
                worst = max(worst, mb.distance_km((lon, lat), back) * 1000.0)
        self.assertLess(worst, 0.01)

    def test_offset_near_taiyuan(self):
        # Over Shanxi GCJ-02 lies about 0.5-0.6 km east of WGS84.
        lon, lat = 112.55, 37.87
        g_lon, g_lat = mb.wgs84_to_gcj02(lon, lat)
        self.assertGreater(g_lon, lon)
        self.assertTrue(450.0 < mb.distance_km((lon, lat), (g_lon, g_lat)) * 1000.0 < 700.0)

    def test_ring_is_closed_and_oriented(self):
        stats = {"round_trip_m": 0.0, "min_shift_m": math.inf, "max_shift_m": 0.0}
        square = [(112.0, 37.0), (112.0, 37.1), (112.1, 37.1), (112.1, 37.0)]  # clockwise
        ring = mb.convert_ring(square, stats)
        self.assertEqual(len(ring), 5)
        self.assertEqual(ring[0], ring[-1])
        self.assertLess(ring[0][0], 112.0)  # moved west, back to WGS84
        outer, hole = mb.orient([ring, list(reversed(ring))])
        self.assertGreater(mb.signed_area(outer), 0)
        self.assertLess(mb.signed_area(hole), 0)


class CommittedOutlines(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(OUTLINES, encoding="utf-8") as f:
            cls.doc = json.load(f)
        with open(REGIONS, encoding="utf-8") as f:
            cls.prefectures = {r["code"]: r for r in json.load(f)["regions"]
                               if r["level"] == "prefecture"}

    def test_collection(self):
        self.assertEqual(self.doc["type"], "FeatureCollection")
        self.assertIn("echarts@4.9.0", self.doc["source"])
        self.assertIn("not an approved map", self.doc["source"])
        self.assertTrue(self.doc["licence"].startswith("Apache-2.0"))
        codes = [f["properties"]["adcode"] for f in self.doc["features"]]
        self.assertEqual(codes, sorted(self.prefectures))
        for feature in self.doc["features"]:
            code = feature["properties"]["adcode"]
            self.assertEqual(feature["properties"],
                             {"adcode": code, "name": self.prefectures[code]["name"]["zh"]})

    def test_rings(self):
        n = 0
        for feature in self.doc["features"]:
            for polygon in mb.polygons_of(feature["geometry"]):
                for i, ring in enumerate(polygon):
                    self.assertGreaterEqual(len(ring), 4)
                    self.assertEqual(ring[0], ring[-1])
                    self.assertEqual(mb.signed_area(ring) > 0, i == 0)
                    for lon, lat in ring:
                        self.assertEqual(round(lon, 5), lon)
                        self.assertTrue(110.2 <= lon <= 114.6 and 34.5 <= lat <= 40.8)
                    n += len(ring)
        self.assertTrue(9000 < n < 12000, n)

    def test_first_vertex_is_the_converted_offset(self):
        # Taiyuan's and Jinzhong's rings both start at the encodeOffsets pair
        # (115027, 38358) of the source: a vertex on their common border.
        lon, lat = mb.gcj02_to_wgs84(115027 / 1024, 38358 / 1024)
        expected = [round(lon, 5), round(lat, 5)]
        by_code = {f["properties"]["adcode"]: f for f in self.doc["features"]}
        for code in ("140100", "140700"):
            self.assertEqual(by_code[code]["geometry"]["coordinates"][0][0], expected, code)

    def test_centres_inside_their_own_outline(self):
        for feature in self.doc["features"]:
            code = feature["properties"]["adcode"]
            centre = self.prefectures[code]["center"]
            self.assertTrue(mb.inside(centre, mb.polygons_of(feature["geometry"])), code)

    @unittest.skipUnless(os.environ.get("SITROOM_BOUNDARIES_INPUTS"),
                         "set SITROOM_BOUNDARIES_INPUTS to the folder of echarts-4.9.0.tgz")
    def test_rebuild_is_identical(self):
        mb.log_stream = io.StringIO()
        prefectures = mb.read_prefectures(REGIONS)
        features = mb.build(mb.read_source(os.environ["SITROOM_BOUNDARIES_INPUTS"]), prefectures)
        mb.check_collection(features, prefectures)
        with open(OUTLINES, encoding="utf-8") as f:
            self.assertEqual(mb.render(features), f.read())


if __name__ == "__main__":
    unittest.main()
