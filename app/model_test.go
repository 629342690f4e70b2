package app

import (
	"reflect"
	"testing"
	"unsafe"

	"framelens/framing"
)

// TestModelKeepsTheEnginesPieces checks that the pieces the model gives
// back are those of the engine, and that they point into each sentence's
// text rather than copy it.
func TestModelKeepsTheEnginesPieces(t *testing.T) {
	m := compareEntries(t, docs(t,
		"Officials said 12 people were killed in Kyiv. The so-called referendum was held on Sunday.",
		"Officials claimed 15 people were killed in Kiev. The referendum was held on Sunday.",
	))
	if len(m.loose) > 0 {
		t.Errorf("%d sentences kept as loose pieces", len(m.loose))
	}
	highlighted := 0
	for r, rep := range m.cmp.Reports {
		for s, sent := range rep.Sentences {
			got := m.piecesOf(nil, r, s)
			if want := m.cmp.Pieces(r, s); !reflect.DeepEqual(got, want) {
				t.Errorf("report %d sentence %d: pieces\n%+v\nwant\n%+v", r, s, got, want)
			}
			lo := uintptr(unsafe.Pointer(unsafe.StringData(sent.Text)))
			for _, p := range got {
				if p.Diff >= 0 {
					highlighted++
				}
				if p.Text == "" {
					continue
				}
				at := uintptr(unsafe.Pointer(unsafe.StringData(p.Text)))
				if at < lo || at+uintptr(len(p.Text)) > lo+uintptr(len(sent.Text)) {
					t.Errorf("report %d sentence %d: piece %q is a copy", r, s, p.Text)
				}
			}
		}
	}
	if highlighted == 0 {
		t.Error("no piece is highlighted")
	}
}

// TestModelKeepsPiecesThatDoNotFollowTheText checks the safeguard for
// pieces that do not join to their sentence.
func TestModelKeepsPiecesThatDoNotFollowTheText(t *testing.T) {
	m := &caseModel{}
	kinds := map[framing.Kind]uint8{}
	if _, ok := m.compact([]framing.Piece{{Text: "Officials", Diff: -1}}, "Officials said.", kinds); ok {
		t.Error("pieces shorter than the text were made compact")
	}
	if _, ok := m.compact([]framing.Piece{{Text: "Officials claimed.", Diff: -1}}, "Officials said.", kinds); ok {
		t.Error("pieces of another text were made compact")
	}
	runs, ok := m.compact([]framing.Piece{{Text: "Officials ", Diff: -1}, {Text: "said", Diff: 3, Kind: framing.KindAttribution, Framing: true}, {Text: ".", Diff: -1}}, "Officials said.", kinds)
	if !ok || len(runs) != 3 || runs[1].end != 14 || runs[1].diff != 3 || !runs[1].framing || m.kinds[runs[1].kind] != framing.KindAttribution {
		t.Errorf("compact runs %+v, kinds %v", runs, m.kinds)
	}
}
