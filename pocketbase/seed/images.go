package seed

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"runtime"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// Product pictures are drawn here, not downloaded: a square in the
// category's colour with a shape and the product's initials in a pixel font.
// Three colours in a paletted PNG keep each file ~3 KB and quick to encode;
// drawing ~470 of them takes ~0.3 s of one core.

const (
	imageSize   = 480
	glyphScale  = 16  // basicfont's 7x13 cells drawn 16 times larger
	shapeRadius = 170 // the shape behind the initials
)

// swatch is a category's colours: background, shape, initials.
type swatch struct{ background, shape, ink color.RGBA }

var categorySwatches = map[string]swatch{
	"makanan-minuman":    {rgb(0xF4A259), rgb(0xF9D5A7), rgb(0x6B3A10)},
	"fashion-pria":       {rgb(0x3D5A80), rgb(0xB7D3E6), rgb(0x14213D)},
	"fashion-wanita":     {rgb(0xD96C8E), rgb(0xF7C6D4), rgb(0x5A1030)},
	"peralatan":          {rgb(0x5F7470), rgb(0xB8C5C1), rgb(0x1E2624)},
	"kriya":              {rgb(0x9C6644), rgb(0xDDB892), rgb(0x2B1608)},
	"perlengkapan-rumah": {rgb(0x6A994E), rgb(0xC5DE8A), rgb(0x1F3314)},
	"jasa":               {rgb(0x457B9D), rgb(0xA8DADC), rgb(0x0B2233)},
	"pernikahan":         {rgb(0xB5838D), rgb(0xFFE1CC), rgb(0x4A2030)},
}

var fallbackSwatch = swatch{rgb(0x888888), rgb(0xDDDDDD), rgb(0x222222)}

func rgb(v uint32) color.RGBA {
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xFF}
}

// shape kinds, picked per product so neighbours in a list look different
const (
	shapeCircle = iota
	shapeSquare
	shapeDiamond
	shapePill
	shapeCount
)

// imageJob is one picture to draw.
type imageJob struct {
	category string
	name     string
	shape    int
}

// pictures are drawn in the background while the transaction writes rows;
// get(i) waits for picture i. Workers take jobs in order, so the products,
// saved in the same order, seldom wait.
type pictures struct {
	data [][]byte
	errs []error
	done []chan struct{}
}

// drawPictures starts drawing on every core and returns at once.
func drawPictures(jobs []imageJob) *pictures {
	p := &pictures{
		data: make([][]byte, len(jobs)),
		errs: make([]error, len(jobs)),
		done: make([]chan struct{}, len(jobs)),
	}
	for i := range p.done {
		p.done[i] = make(chan struct{})
	}
	next := make(chan int, len(jobs))
	for i := range jobs {
		next <- i
	}
	close(next)
	for range runtime.GOMAXPROCS(0) {
		go func() {
			for i := range next {
				p.data[i], p.errs[i] = productImage(jobs[i])
				close(p.done[i])
			}
		}()
	}
	return p
}

func (p *pictures) get(i int) ([]byte, error) {
	<-p.done[i]
	return p.data[i], p.errs[i]
}

// encoderBuffers reuses the PNG encoders' compressors (~1 MB each) between pictures.
var encoderBuffers = &bufferPool{}

type bufferPool struct{ pool sync.Pool }

func (p *bufferPool) Get() *png.EncoderBuffer {
	b, _ := p.pool.Get().(*png.EncoderBuffer)
	return b
}

func (p *bufferPool) Put(b *png.EncoderBuffer) { p.pool.Put(b) }

// productImage draws one product picture as PNG.
func productImage(job imageJob) ([]byte, error) {
	sw, ok := categorySwatches[job.category]
	if !ok {
		sw = fallbackSwatch
	}
	const (
		_    = iota // 0: background, the value new pixels start with
		fill        // 1: the shape (as in shapeMasks)
		ink         // 2: the initials
	)
	// 17 entries, not 3: the PNG encoder copies 8-bit paletted rows as they
	// are but packs smaller palettes pixel by pixel (several times slower)
	palette := make(color.Palette, 17)
	for i := range palette {
		palette[i] = sw.background
	}
	palette[fill], palette[ink] = sw.shape, sw.ink

	img := image.NewPaletted(image.Rect(0, 0, imageSize, imageSize), palette)
	copy(img.Pix, shapeMasks()[job.shape%shapeCount])
	drawInitials(img, initials(job.name), ink)

	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: encoderBuffers}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// shapeMasks are the shapes' pixels as palette indexes (0 background,
// 1 shape), drawn once and copied into every picture.
var shapeMasks = sync.OnceValue(func() [][]uint8 {
	masks := make([][]uint8, shapeCount)
	c := imageSize / 2
	for shape := range masks {
		pix := make([]uint8, imageSize*imageSize)
		for y := range imageSize {
			for x := range imageSize {
				if inShape(shape, x-c, y-c) {
					pix[y*imageSize+x] = 1
				}
			}
		}
		masks[shape] = pix
	}
	return masks
})

// inShape reports whether the point (dx, dy) from the centre is inside the shape.
func inShape(shape, dx, dy int) bool {
	r := shapeRadius
	switch shape {
	case shapeSquare: // rounded corners
		ax, ay := abs(dx), abs(dy)
		const corner = 40
		if ax > r || ay > r {
			return false
		}
		if ax > r-corner && ay > r-corner {
			ex, ey := ax-(r-corner), ay-(r-corner)
			return ex*ex+ey*ey <= corner*corner
		}
		return true
	case shapeDiamond:
		return abs(dx)+abs(dy) <= r+r/4
	case shapePill: // a wide capsule
		const half = 120
		ax := abs(dx) - (r + 30 - half)
		if ax < 0 {
			ax = 0
		}
		return ax*ax+dy*dy <= half*half
	default:
		return dx*dx+dy*dy <= r*r
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// initials are the first letters of the first and last words ("Kopi Luwak
// Dampit" → "KD"), so products of one stall rarely share them.
func initials(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var out []rune
	for i, w := range words {
		if i == 0 || i == len(words)-1 {
			out = append(out, unicode.ToUpper([]rune(w)[0]))
		}
	}
	if len(out) == 0 {
		return "?"
	}
	return string(out)
}

// drawInitials draws text in basicfont's 7x13 face, scaled up and centred.
func drawInitials(img *image.Paletted, text string, ink uint8) {
	face := basicfont.Face7x13
	small := image.NewAlpha(image.Rect(0, 0, face.Advance*len(text), face.Height))
	d := font.Drawer{Dst: small, Src: image.Opaque, Face: face, Dot: fixed.P(0, face.Ascent)}
	d.DrawString(text)

	// centre the glyphs' ink, not their cells (cells include empty rows)
	box := image.Rectangle{}
	for y := range small.Rect.Dy() {
		for x := range small.Rect.Dx() {
			if small.AlphaAt(x, y).A > 0 {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	if box.Empty() {
		return
	}
	left := (imageSize - box.Dx()*glyphScale) / 2
	top := (imageSize - box.Dy()*glyphScale) / 2
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			if small.AlphaAt(x, y).A == 0 {
				continue
			}
			x0 := left + (x-box.Min.X)*glyphScale
			y0 := top + (y-box.Min.Y)*glyphScale
			for py := y0; py < y0+glyphScale; py++ {
				row := img.Pix[py*img.Stride:]
				for px := x0; px < x0+glyphScale; px++ {
					row[px] = ink
				}
			}
		}
	}
}
