package segment

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		// Empty input.
		{"empty", "", nil},
		{"only white space", " \n\r\n\t \u00a0\n", nil},

		// Lines, headlines and paragraphs.
		{
			"headline without final punctuation",
			"Rockets land near spent fuel store\n\nThe plant was shelled overnight. Staff were unhurt.\n",
			[]string{"Rockets land near spent fuel store", "The plant was shelled overnight.", "Staff were unhurt."},
		},
		{
			"headline directly followed by the body",
			"Talks end without a deal\nThe delegations left Geneva on Friday.",
			[]string{"Talks end without a deal", "The delegations left Geneva on Friday."},
		},
		{
			"headline ending in an abbreviation",
			"Balloon drifts across the U.S.\nPresident Biden ordered it shot down.",
			[]string{"Balloon drifts across the U.S.", "President Biden ordered it shot down."},
		},
		{
			"blank line ends a paragraph without a period",
			"Strike spreads\n\nDepots stay shut across the north\n\nQueues grow longer.",
			[]string{"Strike spreads", "Depots stay shut across the north", "Queues grow longer."},
		},
		{
			"hard-wrapped paragraph is joined",
			"Fuel queues lengthen\n\n" +
				"Drivers waited for hours at petrol stations in northern France on\n" +
				"Wednesday as a strike by refinery workers entered its third week and\n" +
				"Government ministers urged the unions to return to the negotiating\n" +
				"table. The energy ministry said almost a third of all stations were\n" +
				"short of at least one type of fuel.\n",
			[]string{
				"Fuel queues lengthen",
				"Drivers waited for hours at petrol stations in northern France on\n" +
					"Wednesday as a strike by refinery workers entered its third week and\n" +
					"Government ministers urged the unions to return to the negotiating\n" +
					"table.",
				"The energy ministry said almost a third of all stations were\n" +
					"short of at least one type of fuel.",
			},
		},
		{
			"hard-wrapped line continuing with a capitalised name",
			"Headline\n\n" +
				"The foreign ministers of both countries met on Sunday in the capital of\n" +
				"China for their second round of talks in three days, officials said.\n",
			[]string{
				"Headline",
				"The foreign ministers of both countries met on Sunday in the capital of\n" +
					"China for their second round of talks in three days, officials said.",
			},
		},
		{
			"short subhead inside hard-wrapped text",
			"Headline\n\n" +
				"Background\n" +
				"The plant has six reactors and was the largest in Europe before the\n" +
				"war, supplying about a fifth of the country's electricity.\n",
			[]string{
				"Headline",
				"Background",
				"The plant has six reactors and was the largest in Europe before the\n" +
					"war, supplying about a fifth of the country's electricity.",
			},
		},
		{
			"photo and source credit lines",
			"The ministers met in Beijing on Sunday for the second time in three days, the ministry said in a long statement.\n" +
				"Photo: Ministry of Foreign Affairs\n" +
				"Source: Ministers meet again",
			[]string{
				"The ministers met in Beijing on Sunday for the second time in three days, the ministry said in a long statement.",
				"Photo: Ministry of Foreign Affairs",
				"Source: Ministers meet again",
			},
		},
		{
			"reporting credit in parentheses",
			"Headline\n\nUnions rejected the offer on Monday, saying it fell far short of inflation\n" +
				"(Reporting by Anna Petrova; Editing by Mark Jones)\n",
			[]string{
				"Headline",
				"Unions rejected the offer on Monday, saying it fell far short of inflation",
				"(Reporting by Anna Petrova; Editing by Mark Jones)",
			},
		},
		{
			"one paragraph per line",
			"Headline\n" +
				"Officials said the craft had drifted for a week before it was brought down over the sea off the coast of the U.S.\n" +
				"President Biden said he had ordered the military to act as soon as it was safe to do so over water.\n" +
				"Reactions\n" +
				"Lawmakers from both parties asked why the balloon had been allowed to cross the whole country first.",
			[]string{
				"Headline",
				"Officials said the craft had drifted for a week before it was brought down over the sea off the coast of the U.S.",
				"President Biden said he had ordered the military to act as soon as it was safe to do so over water.",
				"Reactions",
				"Lawmakers from both parties asked why the balloon had been allowed to cross the whole country first.",
			},
		},
		{
			"short standalone lines",
			"Headline\n\nBy Anna Petrova\nKyiv bureau\nUpdated on Monday.\nSee Dr.\nKoval's notes",
			[]string{"Headline", "By Anna Petrova", "Kyiv bureau", "Updated on Monday.", "See Dr.", "Koval's notes"},
		},
		{
			"line continued in lower case",
			"Headline\n\nThe minister, speaking in\nparliament on Tuesday, said talks would resume\nin the autumn.",
			[]string{"Headline", "The minister, speaking in\nparliament on Tuesday, said talks would resume\nin the autumn."},
		},
		{
			"carriage returns are white space",
			"Headline\r\n\r\nFirst sentence here.\r\nSecond sentence here.\r\n",
			[]string{"Headline", "First sentence here.", "Second sentence here."},
		},
		{
			"list items at line starts",
			"Headline\n\nThe plan has three steps:\n1. Talks begin.\n2. Troops withdraw\n3. Elections follow",
			[]string{"Headline", "The plan has three steps:", "1. Talks begin.", "2. Troops withdraw", "3. Elections follow"},
		},
		{
			"bulleted items",
			"Headline\n\n• Power line cut\n• Reactor unit shut down",
			[]string{"Headline", "• Power line cut", "• Reactor unit shut down"},
		},

		// Abbreviations.
		{
			"U.S. before a title continues",
			"U.S. Secretary of State Antony Blinken postponed his trip. He cited the balloon.",
			[]string{"U.S. Secretary of State Antony Blinken postponed his trip.", "He cited the balloon."},
		},
		{
			"U.S. ending a sentence",
			"The craft had strayed into the U.S. The Pentagon said it posed no threat.",
			[]string{"The craft had strayed into the U.S.", "The Pentagon said it posed no threat."},
		},
		{
			"U.S. before a name and a comma",
			"Agostini is a professor emeritus at Ohio State University in the U.S. Krausz, 61, is a director in Garching.",
			[]string{"Agostini is a professor emeritus at Ohio State University in the U.S.", "Krausz, 61, is a director in Garching."},
		},
		{
			"U.S. before a capitalised opener",
			"Beijing said the balloon had drifted into the U.S. On Sunday, it protested again.",
			[]string{"Beijing said the balloon had drifted into the U.S.", "On Sunday, it protested again."},
		},
		{
			"abbreviation after a hyphen",
			"He met then-U.S. House Speaker Nancy Pelosi. Later the ex-Gen. Smith spoke.",
			[]string{"He met then-U.S. House Speaker Nancy Pelosi.", "Later the ex-Gen. Smith spoke."},
		},
		{
			"U.N., U.K. and E.U.",
			"The U.N. Security Council met. The U.K. and the E.U. Commission abstained.",
			[]string{"The U.N. Security Council met.", "The U.K. and the E.U. Commission abstained."},
		},
		{
			"titles never end a sentence",
			"Mr. Le Maire urged talks. Dr. Smith, Prof. Jones and Gen. Brown agreed with Ms. Lee and Mrs. Grey.",
			[]string{"Mr. Le Maire urged talks.", "Dr. Smith, Prof. Jones and Gen. Brown agreed with Ms. Lee and Mrs. Grey."},
		},
		{
			"military and political titles",
			"Lt. Col. Anna Smith, Sgt. Ivan Petrov, Sen. Ray Dunn, Rep. Ida Moss, Gov. Al Reyes and Pres. Lin Chen met in St. Louis.",
			[]string{"Lt. Col. Anna Smith, Sgt. Ivan Petrov, Sen. Ray Dunn, Rep. Ida Moss, Gov. Al Reyes and Pres. Lin Chen met in St. Louis."},
		},
		{
			"months before a day",
			"The balloon entered on Jan. 28 and fell on Feb. 4. Debris was found on Sept. 9 and Oct. 2.",
			[]string{"The balloon entered on Jan. 28 and fell on Feb. 4.", "Debris was found on Sept. 9 and Oct. 2."},
		},
		{
			"a.m. and p.m.",
			"Shells fell between 4 p.m. and 5 p.m. Moscow time. The strike began at 5 a.m. The union said it would go on.",
			[]string{"Shells fell between 4 p.m. and 5 p.m. Moscow time.", "The strike began at 5 a.m.", "The union said it would go on."},
		},
		{
			"company suffixes",
			"Esso Co. and Total Inc. shares fell. He works for Acme Corp. The firm denied it. Ivan Smith Jr. Ltd. was not involved.",
			[]string{"Esso Co. and Total Inc. shares fell.", "He works for Acme Corp.", "The firm denied it.", "Ivan Smith Jr. Ltd. was not involved."},
		},
		{
			"Latin abbreviations",
			"Fuel cost approx. 2 euros in some towns, e.g. Rouen, i.e. double the usual price. It was Smith vs. Jones.",
			[]string{"Fuel cost approx. 2 euros in some towns, e.g. Rouen, i.e. double the usual price.", "It was Smith vs. Jones."},
		},
		{
			"etc. before a capitalised word ends the sentence",
			"Shops ran out of fuel, bread, water etc. Prices rose. They listed oil, gas etc. and coal.",
			[]string{"Shops ran out of fuel, bread, water etc.", "Prices rose.", "They listed oil, gas etc. and coal."},
		},
		{
			"initials",
			"John F. Kennedy spoke in Berlin. J. R. R. Tolkien served in World War I. The war ended in 1918.",
			[]string{"John F. Kennedy spoke in Berlin.", "J. R. R. Tolkien served in World War I.", "The war ended in 1918."},
		},
		{
			"number sign",
			"Unit No. 3 lost power and unit No. 4 cut output. The answer was no. Talks ended.",
			[]string{"Unit No. 3 lost power and unit No. 4 cut output.", "The answer was no.", "Talks ended."},
		},

		// Numbers and ellipses.
		{
			"decimals and money",
			"Inflation was 5.6 percent and profit was $10.6 billion. The dividend was 2.62 billion euros.",
			[]string{"Inflation was 5.6 percent and profit was $10.6 billion.", "The dividend was 2.62 billion euros."},
		},
		{
			"times and version numbers",
			"The talks start at 10.30 and the app reached version 1.2.3 today. Sales rose by 13. Then they fell.",
			[]string{"The talks start at 10.30 and the app reached version 1.2.3 today.", "Sales rose by 13.", "Then they fell."},
		},
		{
			"ellipsis before lower case continues",
			"He said he would wait... and see what happens… or not.",
			[]string{"He said he would wait... and see what happens… or not."},
		},
		{
			"ellipsis before a capital ends the sentence",
			"We will see… The talks resume on Monday. He hesitated... Then he spoke.",
			[]string{"We will see…", "The talks resume on Monday.", "He hesitated...", "Then he spoke."},
		},
		{
			"elision marks inside a quotation",
			"“We will respond […] Nobody should doubt it,” he said.",
			[]string{"“We will respond […] Nobody should doubt it,” he said."},
		},

		// Quotations.
		{
			"comma inside the quote before the attribution",
			`"We will respond," he said. "It is over." He left.`,
			[]string{`"We will respond," he said.`, `"It is over."`, `He left.`},
		},
		{
			"question in a quote with a lower-case attribution",
			"“Who is taking whom hostage?” asked one operator. The others nodded.",
			[]string{"“Who is taking whom hostage?” asked one operator.", "The others nodded."},
		},
		{
			"question in a quote with a named speaker",
			"“Is this not terror?” President Volodymyr Zelensky wrote on Telegram. Rescuers kept searching.",
			[]string{"“Is this not terror?” President Volodymyr Zelensky wrote on Telegram.", "Rescuers kept searching."},
		},
		{
			"period inside the closing quote ends the sentence",
			"Russia was using the plant as a “nuclear shield.” IAEA chief Rafael Grossi called for restraint.",
			[]string{"Russia was using the plant as a “nuclear shield.”", "IAEA chief Rafael Grossi called for restraint."},
		},
		{
			"exclamation in single curly quotes",
			"‘Enough!’ she shouted. The crowd cheered. He wrote: ‘SHOOT IT DOWN!’ Officials waited.",
			[]string{"‘Enough!’ she shouted.", "The crowd cheered.", "He wrote: ‘SHOOT IT DOWN!’", "Officials waited."},
		},
		{
			"guillemets",
			"«Мы ответим», — сказал он. He called it a «provocation». The ministry agreed.",
			[]string{"«Мы ответим», — сказал он.", "He called it a «provocation».", "The ministry agreed."},
		},
		{
			"quoted sentence and a sentence by the speaker",
			"“We will rebuild.” Zelensky said the city would recover. “We will rebuild.” Zelensky said. \"Why?\" Putin asked reporters.",
			[]string{"“We will rebuild.”", "Zelensky said the city would recover.", "“We will rebuild.” Zelensky said.", "\"Why?\" Putin asked reporters."},
		},
		{
			"quote then a new sentence",
			`He said it was "a clear violation." Beijing disagreed.`,
			[]string{`He said it was "a clear violation."`, `Beijing disagreed.`},
		},

		// Dashes, colons and semicolons.
		{
			"dashes, colons and semicolons never end a sentence",
			"The strike — the longest in years — goes on; talks stall: no deal is near. Prices rose – again – on Monday - and Tuesday.",
			[]string{"The strike — the longest in years — goes on; talks stall: no deal is near.", "Prices rose – again – on Monday - and Tuesday."},
		},

		// Parentheticals.
		{
			"editor's note between sentences",
			"The figures changed. (Editor's note: figures updated at 5 p.m.) Officials confirmed them.",
			[]string{"The figures changed.", "(Editor's note: figures updated at 5 p.m.)", "Officials confirmed them."},
		},
		{
			"correction note as its own paragraph",
			"Headline\n\nThe vote was held on Tuesday.\n\n(This story has been corrected to fix the date.)",
			[]string{"Headline", "The vote was held on Tuesday.", "(This story has been corrected to fix the date.)"},
		},
		{
			"editor's note inside a quotation continues",
			"They discussed “the ‘crisis’ (as both sides call the war – ed.), and trade.” Then they parted.",
			[]string{"They discussed “the ‘crisis’ (as both sides call the war – ed.), and trade.”", "Then they parted."},
		},
		{
			"parenthesis inside a sentence",
			"The ministry (which oversees energy) said stocks were low (about 10 days). Drivers queued.",
			[]string{"The ministry (which oversees energy) said stocks were low (about 10 days).", "Drivers queued."},
		},

		// Datelines.
		{
			"wire dateline with agency",
			"KYIV, July 13 (Reuters) - Ukraine said it had downed 20 drones. Russia did not comment.",
			[]string{"KYIV, July 13 (Reuters) - Ukraine said it had downed 20 drones.", "Russia did not comment."},
		},
		{
			"dateline with an abbreviated month",
			"BEIJING, Aug. 7 — China protested on Sunday. The ministry summoned an envoy.",
			[]string{"BEIJING, Aug. 7 — China protested on Sunday.", "The ministry summoned an envoy."},
		},
		{
			"TASS-style dateline",
			"MOSCOW, July 13. /TASS/. Russia and China held talks. Lavrov arrived on Sunday.",
			[]string{"MOSCOW, July 13. /TASS/. Russia and China held talks.", "Lavrov arrived on Sunday."},
		},
		{
			"dateline on a line of its own",
			"Ceasefire talks resume\nKYIV, July 13 (Reuters) -\nUkraine said on Sunday it was ready.",
			[]string{"Ceasefire talks resume", "KYIV, July 13 (Reuters) -\nUkraine said on Sunday it was ready."},
		},
		{
			"dateline without a date",
			"WASHINGTON (AP) — The Pentagon tracked the craft for days. It was shot down on Saturday.",
			[]string{"WASHINGTON (AP) — The Pentagon tracked the craft for days.", "It was shot down on Saturday."},
		},
		{
			"capitals in a later sentence are not a dateline",
			"The plant lost power. NATO. It met again.",
			[]string{"The plant lost power.", "NATO.", "It met again."},
		},

		// Cyrillic.
		{
			"Russian sentences",
			"Переговоры прошли в Пекине. Стороны обсудили торговлю! Что дальше? Ответа нет.",
			[]string{"Переговоры прошли в Пекине.", "Стороны обсудили торговлю!", "Что дальше?", "Ответа нет."},
		},
		{
			"Russian year abbreviation",
			"Станция построена в 1984 г. В 2022 г. ее заняли войска. Это было в 1999 г. летом.",
			[]string{"Станция построена в 1984 г.", "В 2022 г. ее заняли войска.", "Это было в 1999 г. летом."},
		},
		{
			"Russian initials",
			"Президент В. В. Путин провел встречу. Ее итоги не раскрыты.",
			[]string{"Президент В. В. Путин провел встречу.", "Ее итоги не раскрыты."},
		},
		{
			"Russian abbreviations",
			"Речь шла о санкциях, т.е. о запретах. Музей им. Пушкина закрыт. Он назвал нефть, газ и т.д. Затем ушел.",
			[]string{"Речь шла о санкциях, т.е. о запретах.", "Музей им. Пушкина закрыт.", "Он назвал нефть, газ и т.д.", "Затем ушел."},
		},
		{
			"Russian reference abbreviations",
			"См. рис. 5. Он ушёл.",
			[]string{"См. рис. 5.", "Он ушёл."},
		},
		{
			"Ukrainian sentences",
			"Росія знову обстріляла станцію. Енергоатом повідомив про пошкодження.",
			[]string{"Росія знову обстріляла станцію.", "Енергоатом повідомив про пошкодження."},
		},

		// CJK.
		{
			"Chinese sentence marks without spaces",
			"中方表示强烈不满。美方反应过度！这是为什么？",
			[]string{"中方表示强烈不满。", "美方反应过度！", "这是为什么？"},
		},
		{
			"Chinese closing quote after the mark",
			"他说：「我们会回应。」随后离开。发言人说：“这是民用飞艇。”会谈结束。",
			[]string{"他说：「我们会回应。」", "随后离开。", "发言人说：“这是民用飞艇。”", "会谈结束。"},
		},
		{
			"Japanese with corner quotes",
			"会談は終わった。『合意した』と述べた。",
			[]string{"会談は終わった。", "『合意した』と述べた。"},
		},
		{
			"mixed scripts",
			"发言人说，这是民用飞艇。The Pentagon disagreed. Москва промолчала. 美方拒绝了这一说法。",
			[]string{"发言人说，这是民用飞艇。", "The Pentagon disagreed.", "Москва промолчала.", "美方拒绝了这一说法。"},
		},

		// Bytes that are not UTF-8 stay inside sentences.
		{
			"invalid UTF-8",
			"Bad \xff byte here. Next \xc3 one.\xfe",
			[]string{"Bad \xff byte here.", "Next \xc3 one.\xfe"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := Split(tt.text)
			if err := checkSpans(tt.text, spans); err != "" {
				t.Fatal(err)
			}
			got := make([]string, len(spans))
			for i, sp := range spans {
				got[i] = tt.text[sp.Start:sp.End]
			}
			if d := diffSentences(got, tt.want); d != "" {
				t.Error(d)
			}
		})
	}
}

// checkSpans checks the promises Split makes about its result and returns
// a description of the first one broken, or "".
func checkSpans(text string, spans []Span) string {
	prev := 0
	for i, sp := range spans {
		switch {
		case sp.Start < prev:
			return fmt.Sprintf("span %d starts before the end of the previous one", i)
		case sp.End <= sp.Start:
			return fmt.Sprintf("span %d is empty or reversed", i)
		case sp.End > len(text):
			return fmt.Sprintf("span %d ends after the text", i)
		}
		if r, _ := utf8.DecodeRuneInString(text[sp.Start:]); isSpace(r) {
			return fmt.Sprintf("span %d starts with white space", i)
		}
		if r, _ := utf8.DecodeLastRuneInString(text[:sp.End]); isSpace(r) {
			return fmt.Sprintf("span %d ends with white space", i)
		}
		if gap := text[prev:sp.Start]; strings.TrimFunc(gap, isSpace) != "" {
			return fmt.Sprintf("text before span %d is not white space: %q", i, gap)
		}
		prev = sp.End
	}
	if rest := text[prev:]; strings.TrimFunc(rest, isSpace) != "" {
		return fmt.Sprintf("text after the last span is not white space: %q", rest)
	}
	return ""
}

func TestSplitSeedReport(t *testing.T) {
	raw, err := os.ReadFile(seedReport)
	if err != nil {
		t.Fatalf("reading the seed report: %v (the shared directory must sit beside the repository)", err)
	}
	text := string(raw)
	spans := Split(text)
	if err := checkSpans(text, spans); err != "" {
		t.Fatal(err)
	}
	got := make([]string, len(spans))
	for i, sp := range spans {
		got[i] = text[sp.Start:sp.End]
	}
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(got) < 10 || len(lines) < 3 {
		t.Fatalf("got %d sentences from %d lines, want a sentence per statement", len(got), len(lines))
	}
	// The file opens with a blank line; the lead is the first sentence.
	if got[0] != lines[0] {
		t.Errorf("first sentence = %q, want the lead %q", got[0], lines[0])
	}
	// The credit lines close the report, one sentence each.
	photo, source := got[len(got)-2], got[len(got)-1]
	if photo != lines[len(lines)-2] || !strings.HasPrefix(photo, "Photo: ") {
		t.Errorf("second to last sentence = %q, want the photo credit line", photo)
	}
	if source != lines[len(lines)-1] || !strings.HasPrefix(source, "Source: ") {
		t.Errorf("last sentence = %q, want the source line", source)
	}
	// The editor's note inside the closing quotation stays in its sentence.
	const note = "the ‘Ukrainian crisis’ (as China and Russia refer to Moscow’s war against Ukraine – ed.), and the Iranian nuclear issue.”"
	found := false
	for _, s := range got {
		if strings.HasSuffix(s, note) {
			found = true
		} else if strings.Contains(s, "Ukrainian crisis") {
			t.Errorf("the quotation with the editor's note was cut: %q", s)
		}
	}
	if !found {
		t.Errorf("no sentence ends with %q", note)
	}
}
