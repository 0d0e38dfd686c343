//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || windows)

package build

import "os"

// On the other systems (Plan 9, WebAssembly, Solaris and AIX, which have
// no flock) the lock file marks the folder but does not exclude: two
// builds of one letter there must not run at the same time.
func tryLock(*os.File) (bool, error) { return true, nil }

func unlock(*os.File) {}

func release(f *os.File, path string) error {
	err := f.Close()
	os.Remove(path)
	return err
}
