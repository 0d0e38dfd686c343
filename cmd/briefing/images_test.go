package main

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
)

// Logos for the command's corpus, made here rather than stored, so that
// testdata holds text only and each image says how it is broken.

// logoImage is a small opaque logo: an orange band with a darker edge, so
// that JPEG has something to compress.
func logoImage() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, 120, 60))
	for y := range 60 {
		for x := range 120 {
			c := color.NRGBA{R: 200, G: 112, B: 42, A: 255}
			if x < 8 || y < 8 {
				c = color.NRGBA{R: 90, G: 40, B: 10, A: 255}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

func encodePNG(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func encodeJPEG(img image.Image) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// pngWithAlpha16 is a 16-bit PNG with an alpha channel, which fpdf embeds
// garbled.
func pngWithAlpha16() []byte {
	src := logoImage()
	img := image.NewNRGBA64(src.Rect)
	for y := range src.Rect.Dy() {
		for x := range src.Rect.Dx() {
			c := src.NRGBAAt(x, y)
			img.SetNRGBA64(x, y, color.NRGBA64{R: uint16(c.R) << 8, G: uint16(c.G) << 8, B: uint16(c.B) << 8, A: 0x8000})
		}
	}
	return encodePNG(img)
}

// interlacedPNG encodes img as an Adam7-interlaced 8-bit RGB PNG, which Go
// decodes and fpdf refuses. Go's encoder writes no interlaced PNG, so this
// one is made by hand: the seven passes' rows, each with filter 0.
func interlacedPNG(img *image.NRGBA) []byte {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	passes := []struct{ x0, y0, dx, dy int }{
		{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2},
	}
	var raw bytes.Buffer
	for _, p := range passes {
		if p.x0 >= w {
			continue
		}
		for y := p.y0; y < h; y += p.dy {
			raw.WriteByte(0)
			for x := p.x0; x < w; x += p.dx {
				c := img.NRGBAAt(x, y)
				raw.Write([]byte{c.R, c.G, c.B})
			}
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw.Bytes())
	zw.Close()

	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, data []byte) {
		binary.Write(&out, binary.BigEndian, uint32(len(data)))
		crc := crc32.NewIEEE()
		crc.Write([]byte(kind))
		crc.Write(data)
		out.WriteString(kind)
		out.Write(data)
		binary.Write(&out, binary.BigEndian, crc.Sum32())
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9], ihdr[12] = 8, 2, 1 // 8-bit, RGB, Adam7
	chunk("IHDR", ihdr)
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return out.Bytes()
}
