package report

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// A data folder may come from anyone (a partner's export, a CI checkout
// of a pull request), so the loader reads from it only regular files that
// lie inside it, and only up to a size. A FIFO named places.yaml would
// block a read forever; a link to /dev/zero would fill memory; a link to
// /etc/passwd or ~/.ssh would print the lines YAML cannot parse in its
// error messages. So every file is examined with lstat and stat first,
// and opened only when it passes.

// fileProblem is why a data file cannot be read, phrased to follow its
// subject ("the file", "logo \"x.png\"").
type fileProblem struct {
	notExist bool
	msg      string // "is a named pipe (FIFO), not a regular file: …"
}

// dataRoot is the data folder, opened once: files are opened through an
// [os.Root] so that no path, not even one changed between the check and
// the open, reaches outside it.
type dataRoot struct {
	root *os.Root
	real string // the folder's absolute path with symbolic links resolved
}

func openDataRoot(dir string) (*dataRoot, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(real)
	if err != nil {
		return nil, err
	}
	return &dataRoot{root: root, real: real}, nil
}

// inside checks that rel (slash-separated, relative to the data folder),
// a "file" or a "folder", lies inside the folder once every symbolic link
// on its way is resolved, and returns its path relative to the resolved
// folder.
func (r *dataRoot) inside(rel, noun string) (string, *fileProblem) {
	p := filepath.Join(r.real, filepath.FromSlash(rel))
	li, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return "", &fileProblem{notExist: true, msg: "does not exist"}
	}
	if err != nil {
		return "", &fileProblem{msg: fmt.Sprintf("cannot be read: %v", unwrapPathError(err))}
	}
	link := li.Mode()&fs.ModeSymlink != 0
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		// The error would name the link's target, which may lie outside
		// the folder: say what is wrong without it.
		return "", &fileProblem{msg: "is a symbolic link that leads nowhere (its target is missing, or links loop): replace the link with the file itself"}
	}
	inner, err := filepath.Rel(r.real, real)
	if err != nil || !filepath.IsLocal(inner) {
		if link {
			return "", &fileProblem{msg: fmt.Sprintf("is a symbolic link to a %s outside the data folder, which briefing does not read: copy the %s into the data folder instead of linking to it", noun, noun)}
		}
		return "", &fileProblem{msg: "lies in a folder that is a symbolic link to outside the data folder, which briefing does not read: copy the files into the data folder instead of linking to them"}
	}
	return inner, nil
}

// describeMode names what a non-regular file is.
func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// readFile reads the regular file rel of the data folder, of at most limit
// bytes. what names the kind of file for the size message ("an events
// file"), and split says how to make it smaller.
func (r *dataRoot) readFile(rel string, limit int64, what, split string) ([]byte, *fileProblem) {
	f, size, p := r.openFile(rel, limit, what, split)
	if p != nil {
		return nil, p
	}
	defer f.Close()
	// Read into a buffer of the size the file has, plus a byte to see
	// whether it grew, rather than one grown as the reading goes: events
	// files run to megabytes.
	src := make([]byte, 0, size+1)
	for int64(len(src)) <= limit {
		if len(src) == cap(src) {
			src = append(src, 0)[:len(src)]
		}
		n, err := f.Read(src[len(src):min(cap(src), int(limit)+1)])
		src = src[:len(src)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, &fileProblem{msg: fmt.Sprintf("cannot be read: %v", unwrapPathError(err))}
		}
	}
	if int64(len(src)) > limit {
		return nil, tooLarge(int64(len(src)), limit, what, split)
	}
	return src, nil
}

// openFile opens the regular file rel of the data folder, of at most limit
// bytes (see readFile), and returns its size as it was opened.
func (r *dataRoot) openFile(rel string, limit int64, what, split string) (*os.File, int64, *fileProblem) {
	inner, p := r.inside(rel, "file")
	if p != nil {
		return nil, 0, p
	}
	fi, err := r.root.Stat(inner)
	if err != nil {
		return nil, 0, &fileProblem{msg: fmt.Sprintf("cannot be read: %v", unwrapPathError(err))}
	}
	if !fi.Mode().IsRegular() {
		return nil, 0, &fileProblem{msg: fmt.Sprintf("is %s, not a regular file: a data file must be a plain file; remove or rename it", describeMode(fi.Mode()))}
	}
	if fi.Size() > limit {
		return nil, 0, tooLarge(fi.Size(), limit, what, split)
	}
	// Non-blocking, so that a file swapped for a FIFO after the stat above
	// cannot hang the open; the check below then refuses it.
	f, err := r.root.OpenFile(inner, os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		return nil, 0, &fileProblem{msg: fmt.Sprintf("cannot be read: %v", unwrapPathError(err))}
	}
	if p := sameFile(f, fi); p != nil {
		f.Close()
		return nil, 0, p
	}
	return f, fi.Size(), nil
}

// tooLarge says that a file of size bytes is over the limit.
func tooLarge(size, limit int64, what, split string) *fileProblem {
	sizeText := mebibytes(size)
	if size < limit+(1<<20)/10 {
		sizeText = thousands(int(size)) + " bytes" // "16.0 MiB, over the limit of 16 MiB" would read as a contradiction
	}
	return &fileProblem{msg: fmt.Sprintf("is %s, over the limit of %s for %s: %s", sizeText, mebibytes(limit), what, split)}
}

// sameFile checks that an opened file is still the regular file fi was
// stat'ed from: a file may be swapped after the stat.
func sameFile(f *os.File, fi fs.FileInfo) *fileProblem {
	if now, err := f.Stat(); err != nil || !now.Mode().IsRegular() || !os.SameFile(fi, now) {
		return &fileProblem{msg: "changed while it was being read: run again"}
	}
	return nil
}

// readOpened reads an opened file that must still be the regular file fi
// was stat'ed from, up to limit bytes: a file may be swapped or still grow
// after the stat. grew reports a file that outgrew the limit meanwhile.
func readOpened(f *os.File, fi fs.FileInfo, limit int64) (src []byte, grew bool, p *fileProblem) {
	if p := sameFile(f, fi); p != nil {
		return nil, false, p
	}
	src, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, false, &fileProblem{msg: fmt.Sprintf("cannot be read: %v", unwrapPathError(err))}
	}
	return src, int64(len(src)) > limit, nil
}

// readDir lists the sub-folder rel of the data folder.
func (r *dataRoot) readDir(rel string) ([]fs.DirEntry, *fileProblem) {
	inner, p := r.inside(rel, "folder")
	if p != nil {
		return nil, p
	}
	// Stat before opening, as for files: opening a FIFO named events
	// would block.
	fi, err := r.root.Stat(inner)
	if err != nil {
		return nil, &fileProblem{msg: fmt.Sprintf("cannot be read: %v", unwrapPathError(err))}
	}
	if !fi.IsDir() {
		what := "a file"
		if !fi.Mode().IsRegular() {
			what = describeMode(fi.Mode())
		}
		return nil, &fileProblem{msg: fmt.Sprintf("is %s, not a folder: move it away and create the folder", what)}
	}
	f, err := r.root.OpenFile(inner, os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		return nil, &fileProblem{msg: fmt.Sprintf("cannot be read: %v", unwrapPathError(err))}
	}
	defer f.Close()
	if now, err := f.Stat(); err != nil || !now.IsDir() || !os.SameFile(fi, now) {
		return nil, &fileProblem{msg: "changed while it was being read: run again"}
	}
	entries, err := f.ReadDir(-1)
	if err != nil {
		return nil, &fileProblem{msg: fmt.Sprintf("cannot be read: %v", unwrapPathError(err))}
	}
	return entries, nil
}

func (r *dataRoot) close() {
	if r != nil {
		r.root.Close()
	}
}

func unwrapPathError(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}

// readOutside reads a file named on the command line (an export to
// import, a rules file), which may lie anywhere: the same checks as
// readFile but for the folder, since the user chose the path.
func readOutside(path string, limit int64, what, split string) ([]byte, *fileProblem) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &fileProblem{notExist: true, msg: "does not exist"}
	}
	if err != nil {
		return nil, &fileProblem{msg: fmt.Sprintf("cannot be read: %v", unwrapPathError(err))}
	}
	if !fi.Mode().IsRegular() {
		return nil, &fileProblem{msg: fmt.Sprintf("is %s, not a regular file: give the path of a plain file", describeMode(fi.Mode()))}
	}
	if fi.Size() > limit {
		return nil, &fileProblem{msg: fmt.Sprintf("is %s, over the limit of %s for %s: %s", mebibytes(fi.Size()), mebibytes(limit), what, split)}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		return nil, &fileProblem{msg: fmt.Sprintf("cannot be read: %v", unwrapPathError(err))}
	}
	defer f.Close()
	src, grew, p := readOpened(f, fi, limit)
	if grew {
		return nil, &fileProblem{msg: fmt.Sprintf("grew over the limit of %s for %s while it was being read: %s", mebibytes(limit), what, split)}
	}
	return src, p
}
