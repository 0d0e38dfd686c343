//go:build !unix

package main

import "errors"

// mkfifo fails: the system has no named pipes in its file system, and the
// corpus skips the cases that need one.
func mkfifo(string) error { return errors.New("no named pipes on this system") }
