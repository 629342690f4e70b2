package framing

import (
	"os"
	"strconv"
)

func init() {
	if v, err := strconv.Atoi(os.Getenv("SHORT")); err == nil {
		shortSwap = v
	}
}
