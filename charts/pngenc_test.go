package charts

import (
	"bytes"
	stdadler32 "hash/adler32"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// TestEncodePNGRoundTrip decodes what encodePNG writes with image/png and
// compares every pixel: repeated rows (written as zero rows), rows that
// differ from the one above in a single pixel, and translucent pixels,
// which come out over white.
func TestEncodePNGRoundTrip(t *testing.T) {
	const w, h = 37, 29
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	want := func(x, y int) color.RGBA {
		switch {
		case y < 5 || y > 20: // a white margin, rows alike
			return color.RGBA{255, 255, 255, 255}
		case y >= 10 && y < 14: // a flat band, rows alike but the first
			return color.RGBA{20, 60, 120, 255}
		case y == 14 && x == 3: // one pixel off the band's colour
			return color.RGBA{200, 10, 10, 255}
		default:
			return color.RGBA{uint8(x * 7), uint8(y * 9), uint8(x*y + 1), 255}
		}
	}
	for y := range h {
		for x := range w {
			img.SetRGBA(x, y, want(x, y))
		}
	}
	// Premultiplied: a half-transparent black is grey over white.
	img.SetRGBA(5, 2, color.RGBA{0, 0, 0, 128})
	var buf bytes.Buffer
	if err := encodePNG(&buf, img); err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("PNG does not decode: %v", err)
	}
	if got.Bounds() != img.Bounds() {
		t.Fatalf("bounds %v, want %v", got.Bounds(), img.Bounds())
	}
	for y := range h {
		for x := range w {
			exp := want(x, y)
			if x == 5 && y == 2 {
				exp = color.RGBA{127, 127, 127, 255}
			}
			r, g, b, a := got.At(x, y).RGBA()
			if c := (color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}); c != exp {
				t.Fatalf("pixel (%d, %d) is %v, want %v", x, y, c, exp)
			}
		}
	}
}

// TestAdler32 checks the checksum, zeros taken at once included, against
// the standard library's.
func TestAdler32(t *testing.T) {
	var data []byte
	var s adler32
	s.a = 1
	for i, n := range []int{0, 1, 7, 5551, 5552, 5553, 70000, 3} {
		chunk := make([]byte, n)
		for j := range chunk {
			// Runs of zeros between values, as in a filtered row.
			if j%53 < 40 {
				chunk[j] = byte(j*31 + i)
			}
		}
		s.update(chunk)
		data = append(data, chunk...)
		zeros := n * 3
		s.zeros(zeros)
		data = append(data, make([]byte, zeros)...)
		if got, want := s.b<<16|s.a, stdadler32.Checksum(data); got != want {
			t.Fatalf("after %d bytes: %08x, want %08x", len(data), got, want)
		}
	}
}

// BenchmarkAdler32 compares the checksum with the standard library's on
// dense bytes and on a filtered row's sparse ones.
func BenchmarkAdler32(b *testing.B) {
	dense, sparse := make([]byte, 1<<20), make([]byte, 1<<20)
	for i := range dense {
		dense[i] = byte(i * 7)
	}
	for i := 0; i < len(sparse); i += 997 {
		sparse[i] = byte(i)
	}
	for _, data := range []struct {
		name  string
		bytes []byte
	}{{"dense", dense}, {"sparse", sparse}} {
		b.Run(data.name+"/ours", func(b *testing.B) {
			b.SetBytes(int64(len(data.bytes)))
			for b.Loop() {
				s := adler32{a: 1}
				s.update(data.bytes)
			}
		})
		b.Run(data.name+"/stdlib", func(b *testing.B) {
			b.SetBytes(int64(len(data.bytes)))
			for b.Loop() {
				stdadler32.Checksum(data.bytes)
			}
		})
	}
}
