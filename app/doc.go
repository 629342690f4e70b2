// Package app is the Framelens desktop window, built with Fyne. It is the
// only package that imports Fyne: it reads reports through framing/ingest,
// compares them with framing.Compare and draws the result, holding no
// analysis of its own.
//
// The window shows one column per report and one row per aligned fact,
// with framing differences highlighted by kind and left-out facts marked;
// a detail pane with the word-level changes of the selected row; the terms
// each outlet used for contested referents; and a coverage map of the
// whole case. Run opens it.
package app
