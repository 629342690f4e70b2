package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"framelens/framing"
)

// WriteText writes a readable summary for a terminal: one block per row
// with each report's sentence, the row's differences marked, then the
// terminology summary.
func WriteText(w io.Writer, c *framing.Comparison) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "Framelens comparison of %d reports\n", len(c.Reports))
	width := 0
	for _, r := range c.Reports {
		width = max(width, len([]rune(r.Name)))
	}
	for i, r := range c.Reports {
		fmt.Fprintf(b, "  [%d] %-*s  %3d sentences  %s\n", i, width, r.Name, len(r.Sentences), r.Title)
	}
	framingRows, omitted := 0, 0
	byRow := map[int][]framing.Difference{}
	for _, d := range c.Differences {
		byRow[d.Row] = append(byRow[d.Row], d)
	}
	for ri, row := range c.Rows {
		if hasFraming(byRow[ri]) {
			framingRows++
		}
		if present(row) < len(row.Cells) {
			omitted++
		}
	}
	fmt.Fprintf(b, "%d rows, %d with framing differences, %d that some report left out\n", len(c.Rows), framingRows, omitted)
	for ri, row := range c.Rows {
		mark := ""
		if hasFraming(byRow[ri]) {
			mark = "  *framing*"
		}
		fmt.Fprintf(b, "\n== Row %d (%d of %d reports)%s\n", ri, present(row), len(row.Cells), mark)
		for r, idx := range row.Cells {
			if len(idx) == 0 {
				fmt.Fprintf(b, "  %-*s | -- not reported --\n", width, c.Reports[r].Name)
				continue
			}
			var parts []string
			for _, i := range idx {
				parts = append(parts, c.Reports[r].Sentences[i].Text)
			}
			fmt.Fprintf(b, "  %-*s | %s\n", width, c.Reports[r].Name, strings.Join(parts, " "))
		}
		for _, d := range byRow[ri] {
			if d.Kind == framing.KindRewording {
				continue
			}
			flag := "  "
			if d.Framing {
				flag = "! "
			}
			var sides []string
			for _, s := range d.Spans {
				t := s.Text
				if t == "" {
					t = "(nothing)"
				}
				sides = append(sides, fmt.Sprintf("%s: %q", c.Reports[s.Report].Name, t))
			}
			fmt.Fprintf(b, "  %s%-12s %s", flag, d.Kind, strings.Join(sides, "  /  "))
			if d.Explanation != "" {
				fmt.Fprintf(b, "  (%s)", d.Explanation)
			}
			b.WriteByte('\n')
		}
	}
	if len(c.Terms) > 0 {
		fmt.Fprintf(b, "\n== Terminology\n")
		for _, t := range c.Terms {
			fmt.Fprintf(b, "%s (%s)\n", t.Description, t.Category)
			for _, rt := range t.Reports {
				var uses []string
				for _, tc := range rt.Terms {
					uses = append(uses, fmt.Sprintf("%q x%d", tc.Term, tc.Count))
				}
				if len(uses) == 0 {
					uses = []string{"-"}
				}
				fmt.Fprintf(b, "  %-*s  %s\n", width, c.Reports[rt.Report].Name, strings.Join(uses, ", "))
			}
		}
	}
	for _, wmsg := range c.Warnings {
		fmt.Fprintf(b, "\nwarning: %s\n", wmsg)
	}
	if err := b.Flush(); err != nil {
		return fmt.Errorf("writing text: %w", err)
	}
	return nil
}

func hasFraming(ds []framing.Difference) bool {
	for _, d := range ds {
		if d.Framing {
			return true
		}
	}
	return false
}

func present(r framing.Row) int {
	n := 0
	for _, c := range r.Cells {
		if len(c) > 0 {
			n++
		}
	}
	return n
}
