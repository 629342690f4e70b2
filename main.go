// Command framelens is a workbench for comparing how news outlets report
// the same event. Without arguments it opens the window; `framelens
// compare FILE...` runs headless and prints the comparison.
package main

import (
	"fmt"
	"os"

	"framelens/app"
	"framelens/app/cli"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "compare":
			return cli.Compare(args[1:], os.Stdout, os.Stderr)
		case "lexicon":
			return cli.Lexicon(args[1:], os.Stdout, os.Stderr)
		case "help", "-h", "-help", "--help":
			fmt.Print(cli.Usage + "\n" + cli.LexiconUsage)
			return cli.ExitOK
		}
	}
	if err := app.Run(args); err != nil {
		fmt.Fprintf(os.Stderr, "framelens: %v\n", err)
		return cli.ExitError
	}
	return cli.ExitOK
}
