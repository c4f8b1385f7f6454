// Command icon draws qscert's icon, assets/icon.png (and assets/logo.png, a
// 128-pixel copy used at run time): a shield holding a
// certificate with a seal, the two things the program is about. It was run
// once and its output committed; run it again after changing the drawing:
//
//	go run ./tools/icon assets
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/vector"
)

// size is the side of the icon. Fyne scales it down for the title bar and
// the task bar; 512 is what FyneApp.toml packaging expects at least.
const size = 512

var (
	shieldTop    = color.NRGBA{0x25, 0x7C, 0xE8, 0xFF}
	shieldBottom = color.NRGBA{0x0D, 0x3B, 0x8C, 0xFF}
	rimTop       = color.NRGBA{0x8F, 0xC1, 0xFF, 0xFF}
	rimBottom    = color.NRGBA{0x3C, 0x6F, 0xC4, 0xFF}
	paper        = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	ink          = color.NRGBA{0xB8, 0xC7, 0xDD, 0xFF}
	seal         = color.NRGBA{0x1D, 0xA0, 0x5A, 0xFF}
	ribbon       = color.NRGBA{0x14, 0x7A, 0x44, 0xFF}
)

// logoSize is the side of the copy the program uses at run time, for the
// window and task bar icon and in the wizard's step column (56 units, at
// twice the density): decoding the 512-pixel icon would slow the window's
// first appearance.
const logoSize = 128

func main() {
	dir := "assets"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	drawIcon(img)
	logo := image.NewNRGBA(image.Rect(0, 0, logoSize, logoSize))
	xdraw.CatmullRom.Scale(logo, logo.Bounds(), img, img.Bounds(), xdraw.Src, nil)
	for name, m := range map[string]image.Image{"icon.png": img, "logo.png": logo} {
		if err := writePNG(filepath.Join(dir, name), m); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func drawIcon(img draw.Image) {
	// The shield: a light rim, then the body with a vertical gradient.
	fill(img, shield(0), gradient{top: rimTop, bottom: rimBottom, y0: 24, y1: 490})
	fill(img, shield(14), gradient{top: shieldTop, bottom: shieldBottom, y0: 40, y1: 470})

	// The certificate: a sheet with lines of text.
	fill(img, roundRect(136, 120, 376, 330, 18), image.NewUniform(paper))
	for i, w := range []float32{180, 150, 170, 110} {
		y := float32(160 + i*34)
		fill(img, roundRect(170, y, 170+w, y+14, 7), image.NewUniform(ink))
	}

	// The seal: ribbons, a disc and a tick.
	fill(img, polygon(288, 340, 318, 340, 330, 430, 303, 412, 276, 430), image.NewUniform(ribbon))
	fill(img, polygon(330, 340, 360, 340, 372, 430, 345, 412, 318, 430), image.NewUniform(ribbon))
	fill(img, circle(324, 318, 62), image.NewUniform(paper))
	fill(img, circle(324, 318, 52), image.NewUniform(seal))
	for _, part := range tick(324, 318, 30) {
		// Each part gets its own pass: overlapping paths of opposite
		// directions would cancel out in one.
		fill(img, part, image.NewUniform(paper))
	}
}

// shape is a path drawn into a rasterizer the size of the icon.
type shape func(r *vector.Rasterizer)

func fill(dst draw.Image, s shape, src image.Image) {
	r := vector.NewRasterizer(size, size)
	s(r)
	r.Draw(dst, dst.Bounds(), src, image.Point{})
}

// shield is the outline of a heater shield, inset by d pixels.
func shield(d float32) shape {
	return func(r *vector.Rasterizer) {
		l, rr, t := 64+d, 448-d, 28+d*1.1
		mid := float32(256)
		r.MoveTo(mid, t)
		r.CubeTo(mid+70, t+38, rr-40, t+40, rr, t+40)
		r.CubeTo(rr, 250, rr-30, 400-d*0.4, mid, 488-d*1.4)
		r.CubeTo(l+30, 400-d*0.4, l, 250, l, t+40)
		r.CubeTo(l+40, t+40, mid-70, t+38, mid, t)
		r.ClosePath()
	}
}

func roundRect(x0, y0, x1, y1, rad float32) shape {
	return func(r *vector.Rasterizer) {
		k := rad * 0.5523 // control distance that makes a quarter circle
		r.MoveTo(x0+rad, y0)
		r.LineTo(x1-rad, y0)
		r.CubeTo(x1-rad+k, y0, x1, y0+rad-k, x1, y0+rad)
		r.LineTo(x1, y1-rad)
		r.CubeTo(x1, y1-rad+k, x1-rad+k, y1, x1-rad, y1)
		r.LineTo(x0+rad, y1)
		r.CubeTo(x0+rad-k, y1, x0, y1-rad+k, x0, y1-rad)
		r.LineTo(x0, y0+rad)
		r.CubeTo(x0, y0+rad-k, x0+rad-k, y0, x0+rad, y0)
		r.ClosePath()
	}
}

func circle(cx, cy, rad float32) shape {
	return roundRect(cx-rad, cy-rad, cx+rad, cy+rad, rad)
}

func polygon(xy ...float32) shape {
	return func(r *vector.Rasterizer) {
		r.MoveTo(xy[0], xy[1])
		for i := 2; i+1 < len(xy); i += 2 {
			r.LineTo(xy[i], xy[i+1])
		}
		r.ClosePath()
	}
}

// tick is a check mark of half-width s centred on (cx, cy), drawn as a
// thick polyline with a round joint.
func tick(cx, cy, s float32) []shape {
	w := s * 0.28
	a := [2]float32{cx - s*0.85, cy + s*0.05}
	b := [2]float32{cx - s*0.25, cy + s*0.62}
	c := [2]float32{cx + s*0.9, cy - s*0.55}
	return []shape{thickLine(a, b, w), thickLine(b, c, w), circle(b[0], b[1], w), circle(a[0], a[1], w), circle(c[0], c[1], w)}
}

func thickLine(a, b [2]float32, w float32) shape {
	dx, dy := b[0]-a[0], b[1]-a[1]
	n := float32(math.Hypot(float64(dx), float64(dy)))
	nx, ny := -dy/n*w, dx/n*w
	return polygon(a[0]+nx, a[1]+ny, b[0]+nx, b[1]+ny, b[0]-nx, b[1]-ny, a[0]-nx, a[1]-ny)
}

// gradient is a vertical two-colour gradient.
type gradient struct {
	top, bottom color.NRGBA
	y0, y1      int
}

func (g gradient) ColorModel() color.Model { return color.NRGBAModel }
func (g gradient) Bounds() image.Rectangle { return image.Rect(-1e9, -1e9, 1e9, 1e9) }
func (g gradient) At(_, y int) color.Color {
	t := float64(y-g.y0) / float64(g.y1-g.y0)
	t = math.Max(0, math.Min(1, t))
	mix := func(a, b uint8) uint8 { return uint8(float64(a)*(1-t) + float64(b)*t + 0.5) }
	return color.NRGBA{mix(g.top.R, g.bottom.R), mix(g.top.G, g.bottom.G), mix(g.top.B, g.bottom.B), 0xFF}
}
