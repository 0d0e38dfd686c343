//go:build !unix

package report_test

import "testing"

func mkfifo(t *testing.T, path string) { t.Skip("no FIFOs here") }

func mksocket(t *testing.T, path string) { t.Skip("no Unix sockets here") }
