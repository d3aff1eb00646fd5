"""Finding the verification code in a file: the metadata of a PDF this system wrote, or the QR
symbol on a scanned page (a PDF of images, or a PNG/JPEG photo), read with zxing-cpp on pages
drawn by PDFium. No Qt here: the CLI and the services use it headless."""

from __future__ import annotations

from pathlib import Path

from sotttt_desktop.core.verification import CODE_PREFIXES, payload_from_pdf

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"}
SCAN_DPI = 200
MAX_PAGES = 10  # a permit is one or two pages; a long scan is not searched to the end


def _codes_in_image(image: object) -> list[str]:
    import zxingcpp

    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [code.text for code in found if code.text.startswith(CODE_PREFIXES)]


def codes_in_file(path: Path) -> list[str]:
    """The verification codes in `path`, the written one first; [] if there is none."""
    data = path.read_bytes()
    if data[:5] == b"%PDF-":
        written = payload_from_pdf(data)
        if written:
            return [written]
        import pypdfium2

        codes: list[str] = []
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError:  # damaged or not a PDF after all: no code in it
            return []
        try:
            for index in range(min(len(document), MAX_PAGES)):
                bitmap = document[index].render(scale=SCAN_DPI / 72)
                codes += _codes_in_image(bitmap.to_pil())
        finally:
            document.close()
        return codes
    if path.suffix.lower() in IMAGE_SUFFIXES:
        from PIL import Image

        try:
            with Image.open(path) as image:
                return _codes_in_image(image.convert("L"))
        except (OSError, ValueError, Image.DecompressionBombError):  # not a readable picture
            return []
    return []
