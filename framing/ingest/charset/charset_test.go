package charset

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const (
	russian   = "Переговоры в Стамбуле завершились без договорённости о прекращении огня. Стороны обменялись списками пленных и согласились встретиться снова через две недели, сообщил представитель делегации."
	ukrainian = "У Києві заявили, що переговори тривали понад чотири години. Сторони домовилися про обмін полоненими, але питання припинення вогню залишилося відкритим."
	chinese   = "双方代表在伊斯坦布尔举行了第三轮会谈，同意交换战俘，但未就停火问题达成一致。外交部发言人表示，会谈将在两周后继续。"
	french    = "Les n\xe9gociations \xe0 Istanbul se sont achev\xe9es sans accord sur un cessez-le-feu, a d\xe9clar\xe9 le porte-parole de la d\xe9l\xe9gation fran\xe7aise."
)

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q: %v", s, err)
	}
	return b
}

func TestDetect(t *testing.T) {
	noise := make([]byte, 4096)
	x := uint32(2463534242)
	for i := range noise {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		noise[i] = byte(x)
	}
	tests := []struct {
		name string
		raw  []byte
		want string
	}{
		{"ascii", []byte("Talks in Istanbul ended without a ceasefire."), UTF8},
		{"utf-8 russian", []byte(russian), UTF8},
		{"utf-8 with one damaged byte", append([]byte(russian[:40]), append([]byte{0xFF}, russian[40:]...)...), UTF8},
		{"russian in windows-1251", encode(t, charmap.Windows1251, russian), Windows1251},
		{"russian in koi8-r", encode(t, charmap.KOI8R, russian), KOI8R},
		{"ukrainian in windows-1251", encode(t, charmap.Windows1251, ukrainian), Windows1251},
		{"russian headline only in windows-1251", encode(t, charmap.Windows1251, "Переговоры завершились"), Windows1251},
		{"chinese in gb18030", encode(t, simplifiedchinese.GB18030, chinese), GB18030},
		{"chinese in gbk", encode(t, simplifiedchinese.GBK, chinese), GB18030},
		{"chinese mixed with latin", encode(t, simplifiedchinese.GB18030, "北约秘书长在NATO峰会上说，援助将继续。"+chinese), GB18030},
		{"one word is too little to tell", encode(t, charmap.Windows1251, "Киев"), ""},
		{"latin-1 french", []byte(french), ""},
		{"single stray byte", []byte("Title\n\nBad \xff byte here.\n"), ""},
		{"noise", noise, ""},
		{"utf-16 with bom", append([]byte{0xFF, 0xFE}, encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), russian)...), UTF16LE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.raw); got != tt.want {
				t.Errorf("Detect = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDetectLongSampleCutMidCharacter(t *testing.T) {
	// A long report is judged on its first part; a character cut at the
	// edge of that part must not change the verdict.
	for _, tt := range []struct {
		enc  encoding.Encoding
		text string
		want string
	}{
		{encoding.Nop, russian, UTF8},
		{simplifiedchinese.GB18030, chinese, GB18030},
		{charmap.Windows1251, russian, Windows1251},
	} {
		raw := encode(t, tt.enc, strings.Repeat(tt.text, sampleSize/len(tt.text)+2))
		// Leading spaces move the edge of the part read across a character.
		for shift := 0; shift < 4; shift++ {
			shifted := append(bytes.Repeat([]byte(" "), shift), raw...)
			if got := Detect(shifted); got != tt.want {
				t.Errorf("%s shifted by %d: Detect = %q", tt.want, shift, got)
			}
		}
	}
}

func TestDecodeMapsEveryByteToItsCharacter(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	mixed := "Talks 会谈 « переговоры » 😀 end"
	tests := []struct {
		name    string
		charset string
		enc     encoding.Encoding
		text    string
		bom     []byte
	}{
		{"windows-1251", "cp1251", charmap.Windows1251, russian, nil},
		{"koi8-r", "KOI8-R", charmap.KOI8R, russian, nil},
		{"gb18030 with four-byte characters", "gb18030", simplifiedchinese.GB18030, chinese + " ₽ 😀", nil},
		{"utf-16le with bom", "utf-16le", utf16le, mixed, []byte{0xFF, 0xFE}},
		{"utf-16be with bom", "utf-16be", utf16be, mixed, []byte{0xFE, 0xFF}},
		{"utf-16le without bom", "utf-16le", utf16le, mixed, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := append(append([]byte{}, tt.bom...), encode(t, tt.enc, tt.text)...)
			d, err := Decode(raw, tt.charset)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if string(d.Text) != tt.text {
				t.Fatalf("Text = %q, want %q", d.Text, tt.text)
			}
			if d.Invalid != 0 {
				t.Errorf("Invalid = %d, want 0", d.Invalid)
			}
			if len(d.Start) != len(d.Text) || len(d.End) != len(d.Text) {
				t.Fatalf("map lengths %d, %d for %d bytes", len(d.Start), len(d.End), len(d.Text))
			}
			for i, r := range tt.text {
				n := utf8.RuneLen(r)
				for k := i; k < i+n; k++ {
					if d.Start[k] != d.Start[i] || d.End[k] != d.End[i] {
						t.Fatalf("bytes of %q map to different characters", r)
					}
				}
				want := encode(t, tt.enc, string(r))
				if got := raw[d.Start[i]:d.End[i]]; !bytes.Equal(got, want) {
					t.Fatalf("%q maps to % x, want % x", r, got, want)
				}
			}
			if len(tt.bom) > 0 && d.Start[0] != int32(len(tt.bom)) {
				t.Errorf("first character maps to %d, want it after the byte-order mark", d.Start[0])
			}
		})
	}
}

func TestDecodeReplacesInvalidBytes(t *testing.T) {
	tests := []struct {
		name    string
		charset string
		raw     []byte
		text    string
		invalid int
	}{
		{"gb18030 lead byte before a space", "gb18030", []byte("a\x81 b"), "a\uFFFD b", 1},
		{"gb18030 lead byte at the end", "gb18030", []byte("ab\xd6"), "ab\uFFFD", 1},
		{"utf-16 odd byte at the end", "utf-16le", []byte("a\x00b"), "a\uFFFD", 1},
		{"utf-16 lone surrogate", "utf-16le", []byte("\x00\xd8a\x00"), "\uFFFDa", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode(tt.raw, tt.charset)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if string(d.Text) != tt.text || d.Invalid != tt.invalid {
				t.Errorf("Decode = %q with %d invalid, want %q with %d", d.Text, d.Invalid, tt.text, tt.invalid)
			}
			checkMap(t, tt.raw, d)
		})
	}
	if _, err := Decode([]byte("x"), "no-such-charset"); err == nil || !strings.Contains(err.Error(), "no-such-charset") {
		t.Errorf("unknown charset: err = %v, want one naming it", err)
	}
}

// checkMap checks the invariants every decoded text keeps: valid UTF-8,
// and every byte mapped to a non-empty range of the original, in order.
func checkMap(t *testing.T, raw []byte, d *Decoded) {
	t.Helper()
	if !utf8.Valid(d.Text) {
		t.Fatalf("decoded text is not UTF-8: %q", d.Text)
	}
	if len(d.Start) != len(d.Text) || len(d.End) != len(d.Text) {
		t.Fatalf("map lengths %d, %d for %d bytes", len(d.Start), len(d.End), len(d.Text))
	}
	for i := range d.Text {
		s, e := d.Start[i], d.End[i]
		if s < 0 || e <= s || int(e) > len(raw) {
			t.Fatalf("byte %d maps to [%d,%d) of %d", i, s, e, len(raw))
		}
		if i > 0 && s < d.Start[i-1] {
			t.Fatalf("byte %d maps before byte %d", i, i-1)
		}
	}
}

func TestDeclarations(t *testing.T) {
	metas := []struct {
		name, page, want string
	}{
		{"meta charset", `<!doctype html><html><head><meta charset="windows-1251"><title>x</title>`, "windows-1251"},
		{"http-equiv", `<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=koi8-r"></head>`, "koi8-r"},
		{"none", `<html><head><title>x</title></head><body><p>text</p></body></html>`, ""},
		{"only the head counts", `<html><head></head><body><meta charset="gb2312"></body></html>`, ""},
	}
	for _, tt := range metas {
		t.Run(tt.name, func(t *testing.T) {
			if got := FromMeta([]byte(tt.page)); got != tt.want {
				t.Errorf("FromMeta = %q, want %q", got, tt.want)
			}
		})
	}
	headers := map[string]string{
		"text/html; charset=windows-1251":   "windows-1251",
		`text/html; charset="KOI8-R"`:       "KOI8-R",
		"text/html":                         "",
		"text/html;;charset=gb2312; broken": "gb2312",
	}
	for h, want := range headers {
		if got := FromContentType(h); got != want {
			t.Errorf("FromContentType(%q) = %q, want %q", h, got, want)
		}
	}
	labels := map[string]string{
		"cp1251": Windows1251, "Windows-1251": Windows1251, "koi8-r": KOI8R, "GB18030": GB18030,
		"gb2312": "gbk", "UTF8": UTF8, "latin1": "windows-1252", "klingon": "", "": "",
	}
	for label, want := range labels {
		if got := Normalise(label); got != want {
			t.Errorf("Normalise(%q) = %q, want %q", label, got, want)
		}
	}
}
