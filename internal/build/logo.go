package build

import (
	"bytes"
	"errors"
	"fmt"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// Limits of a logo: a logo is printed 28 mm wide on the cover, so a few
// hundred pixels are plenty. The bounds keep a decompression bomb (a small
// file whose header claims a huge image) from exhausting memory, here and
// in fpdf, which allocates from the header's dimensions.
const (
	maxLogoBytes  = 10 << 20
	maxLogoSide   = 10_000
	maxLogoPixels = 25_000_000
)

var (
	pngSignature  = []byte("\x89PNG\r\n\x1a\n")
	jpegSignature = []byte("\xff\xd8\xff")
)

// checkLogo reports why the PDF cannot embed the logo at path, named name
// in messages, or returns nil. Every problem is one the user fixes by
// saving the image again, and each message says how. It decodes the whole
// image, since fpdf embeds a cut-short JPEG without a word (the reader then
// sees a broken image) and panics on a cut-short PNG, then embeds it in a
// throwaway document exactly as the cover does.
func checkLogo(path, name string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("logo %q cannot be read: %v", name, unwrapPath(err))
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("logo %q is not a regular file; name an image file", name)
	}
	if info.Size() > maxLogoBytes {
		return fmt.Errorf("logo %q is %.1f MiB, more than the %d MiB a logo may take; export it smaller (a few hundred pixels wide is enough)", name, float64(info.Size())/(1<<20), maxLogoBytes>>20)
	}
	data := readRegular(path)
	if data == nil && info.Size() > 0 {
		return fmt.Errorf("logo %q cannot be read", name)
	}
	ext := strings.ToLower(filepath.Ext(path))
	isPNG, isJPEG := bytes.HasPrefix(data, pngSignature), bytes.HasPrefix(data, jpegSignature)
	switch {
	case len(data) == 0:
		return fmt.Errorf("logo %q is an empty file; export the logo again as PNG or JPEG", name)
	case !isPNG && !isJPEG:
		what := "its first bytes are those of neither"
		if utf8.Valid(data[:min(len(data), 512)]) && !bytes.ContainsRune(data[:min(len(data), 512)], 0) {
			what = "it holds text"
		}
		return fmt.Errorf("logo %q is not a PNG or JPEG image (%s); export the logo again as PNG or JPEG", name, what)
	case isJPEG && ext == ".png":
		return fmt.Errorf("logo %q is a JPEG image named .png; the PDF library reads an image by its extension: rename it to .jpg", name)
	case isPNG && ext != ".png":
		return fmt.Errorf("logo %q is a PNG image named %s; the PDF library reads an image by its extension: rename it to .png", name, ext)
	}

	decodeConfig, decode := jpeg.DecodeConfig, jpeg.Decode
	if isPNG {
		decodeConfig, decode = png.DecodeConfig, png.Decode
		if err := checkPNGHeader(data, name); err != nil {
			return err
		}
	}
	cfg, err := decodeConfig(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("logo %q is damaged (%v); export the logo again", name, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > maxLogoSide || cfg.Height > maxLogoSide || cfg.Width*cfg.Height > maxLogoPixels {
		return fmt.Errorf("logo %q is %d×%d pixels; a logo is printed 28 mm wide: scale it down to at most a few thousand pixels a side", name, cfg.Width, cfg.Height)
	}
	if _, err := decode(bytes.NewReader(data)); err != nil {
		return fmt.Errorf("logo %q is damaged or cut short (%v); export the logo again", name, err)
	}
	if err := embedLogo(path, ext, data); err != nil {
		return fmt.Errorf("logo %q cannot be embedded in the PDF (%v); save it again as an 8-bit PNG or a baseline JPEG", name, err)
	}
	return nil
}

// checkPNGHeader refuses the PNGs fpdf mishandles although Go decodes
// them: interlaced ones, which it rejects half-way through a build, and
// 16-bit ones with an alpha channel, whose alpha it splits as if 8-bit,
// embedding a garbled image.
func checkPNGHeader(data []byte, name string) error {
	// The signature, then the IHDR chunk: length, type, width, height, bit
	// depth, colour type, compression, filter, interlace.
	const ihdr = 8 + 4 + 4
	if len(data) < ihdr+13 || string(data[12:16]) != "IHDR" {
		return fmt.Errorf("logo %q is damaged (its PNG header is missing or cut short); export the logo again", name)
	}
	depth, colorType, interlace := data[ihdr+8], data[ihdr+9], data[ihdr+12]
	if interlace != 0 {
		return fmt.Errorf("logo %q is an interlaced PNG, which the PDF library cannot embed; save it again without interlacing (or as JPEG)", name)
	}
	if depth == 16 && colorType&4 != 0 {
		return fmt.Errorf("logo %q is a 16-bit PNG with transparency, which the PDF library embeds garbled; save it again as an 8-bit PNG", name)
	}
	return nil
}

// embedLogo places the image in a throwaway document as the cover does,
// and writes the document out, so that whatever fpdf refuses, or panics
// on, is found here rather than half-way through a build.
func embedLogo(path, ext string, data []byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the PDF library failed: %v", p)
		}
	}()
	doc := fpdf.New("P", "mm", "A4", "")
	doc.AddPage()
	opt := fpdf.ImageOptions{ImageType: strings.TrimPrefix(ext, "."), ReadDpi: false}
	doc.RegisterImageOptionsReader(path, opt, bytes.NewReader(data))
	doc.ImageOptions(path, 10, 10, 28, 0, false, opt, 0, "")
	if err := doc.Error(); err != nil {
		return err
	}
	return doc.Output(io.Discard)
}

// unwrapPath drops the path from an *os.PathError, which the message
// names already.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
