package segment

import (
	"os"
	"testing"
)

func FuzzSplit(f *testing.F) {
	f.Add("")
	f.Add("Headline\n\nFirst sentence. Second one.")
	f.Add("“Who is taking whom hostage?” asked one operator. The U.S. It is 5 p.m.")
	f.Add("中方表示不满。「回应！」Переговоры прошли в 2022 г. В Москве.")
	f.Fuzz(func(t *testing.T, text string) {
		spans := Split(text)
		if err := checkSpans(text, spans); err != "" {
			t.Fatalf("%s\ntext: %q", err, text)
		}
	})
}

func BenchmarkSplit(b *testing.B) {
	raw, err := os.ReadFile("testdata/report.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	if n := len(Split(text)); n < 20 {
		b.Fatalf("the benchmark report splits into %d sentences, want about 25", n)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Split(text)
	}
}
