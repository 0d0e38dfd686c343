package report

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image/jpeg"
	"image/png"
	"path"
	"path/filepath"
	"strings"
)

// The first bytes of every PNG and every JPEG file.
const (
	pngMagic  = "\x89PNG\r\n\x1a\n"
	jpegMagic = "\xff\xd8\xff"
)

// checkLogo says why the brand's logo cannot go on the cover, or returns
// "". logo is the path as written in brand.yaml. The PDF library picks its
// image parser by the file's extension and panics on a truncated PNG, so
// everything it would trip on is found here: a path leading out of the
// data folder, a file that is not a plain file or is too large, content
// that is not the image its name says, dimensions that would exhaust
// memory, a damaged image, and the PNG variants it cannot embed.
func checkLogo(root *dataRoot, logo string) string {
	subject := "logo " + quoteShort(logo)
	local := filepath.FromSlash(logo)
	if !filepath.IsLocal(local) || strings.HasPrefix(logo, "/") {
		return subject + " must be a path relative to the data folder and inside it, such as logo.png: copy the image into the data folder"
	}
	ext := strings.ToLower(path.Ext(logo))
	if ext != ".png" && ext != ".jpg" && ext != ".jpeg" {
		return subject + " must be a PNG or JPEG file (.png, .jpg or .jpeg)"
	}
	src, p := root.readFile(filepath.ToSlash(local), MaxLogoBytes, "a logo", "save it smaller, or as a JPEG")
	if p != nil {
		if p.notExist {
			return subject + " not found (the path is relative to the data folder)"
		}
		return subject + " " + p.msg
	}
	var kind string
	switch {
	case len(src) == 0:
		return subject + " is an empty file: save the image again"
	case bytes.HasPrefix(src, []byte(pngMagic)):
		kind = "PNG"
	case bytes.HasPrefix(src, []byte(jpegMagic)):
		kind = "JPEG"
	default:
		return subject + " is not a PNG or JPEG image (its content is neither): export the logo as PNG or JPEG"
	}
	if named := map[string]string{".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}[ext]; named != kind {
		want := map[string]string{"PNG": ".png", "JPEG": ".jpg"}[kind]
		return fmt.Sprintf("%s holds a %s image but is named %s: rename it to %s", subject, kind, ext, strings.TrimSuffix(logo, path.Ext(logo))+want)
	}
	damaged := func(err error) string {
		return fmt.Sprintf("%s is a damaged %s image (%v): export it again", subject, kind, err)
	}
	decodeConfig, decode := png.DecodeConfig, png.Decode
	if kind == "JPEG" {
		decodeConfig, decode = jpeg.DecodeConfig, jpeg.Decode
	}
	// The size first, from the header alone: decoding allocates what the
	// header claims. A PNG's is read here rather than by the decoder,
	// which refuses a claim of 2³¹ × 2³¹ pixels as an overflow, so that the
	// message says what is wrong: the size.
	var w, h int
	var depth, interlace byte
	if kind == "PNG" {
		// The IHDR chunk follows the signature: its length (13), "IHDR",
		// width, height, bit depth, colour type, compression, filter and
		// interlace method.
		if len(src) < 33 || binary.BigEndian.Uint32(src[8:12]) != 13 || string(src[12:16]) != "IHDR" {
			return damaged(errors.New("no image header"))
		}
		w, h = int(binary.BigEndian.Uint32(src[16:20])), int(binary.BigEndian.Uint32(src[20:24]))
		depth, interlace = src[24], src[28]
	} else {
		cfg, err := decodeConfig(bytes.NewReader(src))
		if err != nil {
			return damaged(err)
		}
		w, h = cfg.Width, cfg.Height
	}
	if w > MaxLogoWidth || h > MaxLogoHeight {
		return fmt.Sprintf("%s is %d × %d pixels, over the limit of %d × %d: scale it down (the cover prints it 28 mm wide)",
			subject, w, h, MaxLogoWidth, MaxLogoHeight)
	}
	if kind == "PNG" {
		if _, err := decodeConfig(bytes.NewReader(src)); err != nil {
			return damaged(err)
		}
		if depth == 16 || interlace != 0 {
			what := "with 16 bits per channel"
			if interlace != 0 {
				what = "that is interlaced"
			}
			return fmt.Sprintf("%s is a PNG image %s, which the PDF library cannot embed: save it again as a non-interlaced PNG with 8 bits per channel", subject, what)
		}
	}
	// Last, the whole image, within the size now known to be sane: a
	// truncated PNG would make the PDF library panic.
	if _, err := decode(bytes.NewReader(src)); err != nil {
		return damaged(err)
	}
	return ""
}
