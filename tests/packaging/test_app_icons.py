"""The committed icon files are valid and match their names (the Windows and macOS builds use them)."""

from __future__ import annotations

import struct

from PySide6.QtGui import QImage

from bundle_run import PACKAGING

ICONS = PACKAGING / "icons"


def png_size(data: bytes) -> tuple[int, int]:
    image = QImage.fromData(data, "PNG")
    assert not image.isNull(), "not a decodable PNG"
    return image.width(), image.height()


def test_png_icons_have_the_size_in_their_name_and_are_not_blank():
    for size in (48, 128, 256, 512):
        data = (ICONS / f"kitchen-ui-{size}.png").read_bytes()
        assert png_size(data) == (size, size)
        image = QImage.fromData(data, "PNG")
        centre = image.pixelColor(size // 2, size // 2)
        corner = image.pixelColor(0, 0)
        assert corner.alpha() == 0 and centre.alpha() == 255     # rounded tile on transparency


def test_windows_ico_entries_are_pngs_of_the_sizes_they_declare():
    data = (ICONS / "kitchen-ui.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = []
    for i in range(count):
        w, h, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        declared = (w or 256, h or 256)
        assert png_size(data[offset:offset + length]) == declared
        sizes.append(declared[0])
    assert {16, 32, 48, 256} <= set(sizes)


def test_macos_icns_entries_are_pngs_of_their_type_sizes():
    data = (ICONS / "kitchen-ui.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    sizes = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512, b"ic10": 1024}
    pos, seen = 8, set()
    while pos < len(data):
        kind, length = data[pos:pos + 4], struct.unpack_from(">I", data, pos + 4)[0]
        assert png_size(data[pos + 8:pos + length]) == (sizes[kind], sizes[kind])
        seen.add(sizes[kind])
        pos += length
    assert {128, 256, 512, 1024} <= seen
