// Command xwd2png turns frame buffer snapshots of Xvfb (started with -fbdir,
// which keeps the screen as an XWD file) into PNG files, cropped to a
// rectangle. tools/screenshots.sh uses it because reading the GL front
// buffer (Canvas.Capture) returns nothing under Xvfb with Mesa llvmpipe.
//
//	xwd2png -crop X,Y,W,H in.xwd... (writes in.png beside each)
package main

import (
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"strings"
)

// header is the fixed part of an XWD file (X11 XWDFileHeader), 25 CARD32
// in big-endian order.
type header struct {
	HeaderSize, FileVersion, PixmapFormat, PixmapDepth, PixmapWidth, PixmapHeight, XOffset,
	ByteOrder, BitmapUnit, BitmapBitOrder, BitmapPad, BitsPerPixel, BytesPerLine, VisualClass,
	RedMask, GreenMask, BlueMask, BitsPerRGB, ColormapEntries, NColors,
	WindowWidth, WindowHeight, WindowX, WindowY, WindowBorderWidth uint32
}

func main() {
	crop := flag.String("crop", "", "X,Y,W,H rectangle to keep (default: all)")
	flag.Parse()
	for _, in := range flag.Args() {
		if err := convert(in, *crop); err != nil {
			fmt.Fprintf(os.Stderr, "xwd2png: %s: %v\n", in, err)
			os.Exit(1)
		}
	}
}

func convert(in, crop string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	img, err := decode(data)
	if err != nil {
		return err
	}
	var sub image.Image = img
	if crop != "" {
		var x, y, w, h int
		if _, err := fmt.Sscanf(crop, "%d,%d,%d,%d", &x, &y, &w, &h); err != nil {
			return fmt.Errorf("bad -crop %q: %v", crop, err)
		}
		sub = img.SubImage(image.Rect(x, y, x+w, y+h))
	}
	out, err := os.Create(strings.TrimSuffix(in, ".xwd") + ".png")
	if err != nil {
		return err
	}
	if err := png.Encode(out, sub); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// decode reads a 24- or 32-bit ZPixmap XWD, the form Xvfb writes.
func decode(data []byte) (*image.NRGBA, error) {
	var h header
	if len(data) < 100 {
		return nil, errors.New("too short for an XWD file")
	}
	if _, err := binary.Decode(data, binary.BigEndian, &h); err != nil {
		return nil, err
	}
	if h.FileVersion != 7 || h.PixmapFormat != 2 || h.BitsPerPixel != 32 {
		return nil, fmt.Errorf("unsupported XWD (version %d, format %d, %d bits per pixel)", h.FileVersion, h.PixmapFormat, h.BitsPerPixel)
	}
	off := int(h.HeaderSize) + int(h.NColors)*12
	w, ht, stride := int(h.PixmapWidth), int(h.PixmapHeight), int(h.BytesPerLine)
	if off+stride*ht > len(data) {
		return nil, errors.New("truncated pixel data")
	}
	var order binary.ByteOrder = binary.LittleEndian
	if h.ByteOrder == 1 {
		order = binary.BigEndian
	}
	img := image.NewNRGBA(image.Rect(0, 0, w, ht))
	for y := 0; y < ht; y++ {
		row := data[off+y*stride:]
		for x := 0; x < w; x++ {
			p := order.Uint32(row[x*4:])
			img.SetNRGBA(x, y, color.NRGBA{
				R: channel(p, h.RedMask), G: channel(p, h.GreenMask), B: channel(p, h.BlueMask), A: 0xFF,
			})
		}
	}
	return img, nil
}

// channel extracts an 8-bit channel selected by mask.
func channel(p, mask uint32) uint8 {
	if mask == 0 {
		return 0
	}
	shift := 0
	for mask&1 == 0 {
		mask >>= 1
		shift++
	}
	return uint8((p >> shift) & mask)
}
