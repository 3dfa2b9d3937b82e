"""What the admin accepts as an uploaded image or document: files that are what they claim.

Wagtail's upload forms check the extension and, for images, the format its image library
guesses. These form bases (``WAGTAILIMAGES_IMAGE_FORM_BASE``, ``WAGTAILDOCS_DOCUMENT_FORM_BASE``)
add what that leaves open:

- an image must open in Pillow *as the format its extension names* and be complete: a file
  that only starts like a GIF, or an HTML page named ``.png``, is refused with a message saying
  so (Wagtail answers the first with a server error and calls the second an SVG);
- a document's content must match its extension: a PDF starts with ``%PDF-``, an Office or
  OpenDocument file is a ZIP archive with the parts of that kind of file.

Sizes and pixel counts are checked against the limits of ``cms/settings`` with Wagtail's
messages, the pixels from the image's header rather than by decoding it.
"""

import os
import warnings
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# The Pillow format each allowed image extension claims (WAGTAILIMAGES_EXTENSIONS).
IMAGE_FORMATS = {"gif": "GIF", "jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}

# What Pillow raises for a file it cannot read in full: truncated, corrupt, not that format.
UNREADABLE = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError)


def extension_of(name: str) -> str:
    return os.path.splitext(name)[1].lower().lstrip(".")


class CheckedImageField(WagtailImageField):
    """Wagtail's image upload field, refusing files whose content is not the claimed format."""

    def check_image_file_format(self, f):
        expected = IMAGE_FORMATS.get(extension_of(f.name))
        if expected is not None:  # an extension not allowed at all gets Wagtail's message
            self._check_opens_as(f, expected)
        super().check_image_file_format(f)

    def check_image_pixel_size(self, f):
        """Wagtail's check, counting the pixels from the header alone.

        Wagtail asks its image library for the size, which decodes the whole image first: the
        very memory and time the limit is there to spare. Only a file within the limit is then
        decoded, to be sure it is complete.
        """
        width, height, frames = self._header_size(f)
        if self.max_image_pixels is not None and width * height * frames > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {
                    "num_pixels": width * height * frames,
                    "max_pixels_count": self.max_image_pixels,
                },
                code="file_too_many_pixels",
            )
        self._check_complete(f)

    def _header_size(self, f) -> tuple[int, int, int]:
        f.seek(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
                # Opening reads the header only; Pillow refuses sizes far beyond its own limit
                # before that (DecompressionBombError), which is left to Wagtail's message.
                with PILImage.open(f) as image:
                    return image.width, image.height, getattr(image, "n_frames", 1)
        except PILImage.DecompressionBombError:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": _("unknown number"), "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            ) from None
        finally:
            f.seek(0)

    def _check_opens_as(self, f, expected: str):
        f.seek(0)
        try:
            with warnings.catch_warnings():
                # Too many pixels is the pixel check's to report, with the limit.
                warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
                with PILImage.open(f, formats=[expected]):
                    pass
        except PILImage.DecompressionBombError:
            pass
        except UNREADABLE:
            raise ValidationError(
                _(
                    "“%(name)s” is not a %(format)s image: its content is not a picture in "
                    "that format. Save the picture as %(format)s and upload it again."
                ),
                code="invalid_image_content",
                params={"name": os.path.basename(f.name), "format": expected},
            ) from None
        finally:
            f.seek(0)

    def _check_complete(self, f):
        f.seek(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
                with PILImage.open(f) as image:
                    image.load()
        except UNREADABLE:
            raise ValidationError(
                _("“%(name)s” is damaged or incomplete. Export the picture again and upload it."),
                code="incomplete_image",
                params={"name": os.path.basename(f.name)},
            ) from None
        finally:
            f.seek(0)


class ImageUploadForm(BaseImageForm):
    """Wagtail's image form with the file checked by ``CheckedImageField``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail builds the field itself (get_image_form's formfield callback), so it is
        # swapped here; forms without a file field (the multiple-upload edit form) keep theirs.
        uploaded = self.fields.get("file")
        if uploaded is not None:
            self.fields["file"] = CheckedImageField(
                label=uploaded.label, required=uploaded.required, widget=uploaded.widget
            )


def _zip_names(f) -> set[str] | None:
    f.seek(0)
    try:
        with zipfile.ZipFile(f) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        f.seek(0)


def _opendocument_of(kind: str):
    """An OpenDocument file stores its MIME type, uncompressed, in a first member "mimetype"."""

    def check(f) -> bool:
        if "mimetype" not in (_zip_names(f) or ()):
            return False
        f.seek(0)
        with zipfile.ZipFile(f) as archive:
            found = archive.read("mimetype").strip()
        f.seek(0)
        return found == f"application/vnd.oasis.opendocument.{kind}".encode()

    return check


def _office_open_xml_with(part: str):
    """A .docx/.xlsx/.pptx is a ZIP archive with [Content_Types].xml and its main part."""

    def check(f) -> bool:
        names = _zip_names(f) or set()
        return "[Content_Types].xml" in names and any(name.startswith(part) for name in names)

    return check


def _pdf(f) -> bool:
    f.seek(0)
    head = f.read(5)
    f.seek(0)
    return head == b"%PDF-"


# How the content of each allowed document type (WAGTAILDOCS_EXTENSIONS) is recognised.
DOCUMENT_CONTENT_CHECKS = {
    "pdf": _pdf,
    "docx": _office_open_xml_with("word/"),
    "xlsx": _office_open_xml_with("xl/"),
    "pptx": _office_open_xml_with("ppt/"),
    "odt": _opendocument_of("text"),
    "ods": _opendocument_of("spreadsheet"),
    "odp": _opendocument_of("presentation"),
}


class DocumentUploadForm(BaseDocumentForm):
    """Wagtail's document form, refusing a file whose content is not its extension's type."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or "file" not in self.changed_data:
            return uploaded
        extension = extension_of(uploaded.name)
        check = DOCUMENT_CONTENT_CHECKS.get(extension)
        if check is None or not check(uploaded):
            raise ValidationError(
                _(
                    "“%(name)s” is not a real .%(extension)s file: its content is of another "
                    "kind. Upload the document as saved by the program that made it."
                ),
                code="invalid_document_content",
                params={"name": os.path.basename(uploaded.name), "extension": extension},
            )
        return uploaded
