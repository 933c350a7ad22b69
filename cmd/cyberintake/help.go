package main

import (
	"cmp"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
)

// The help of every command has the same shape: what it does, an
// Examples section, its flags wrapped to 80 columns, and the exit statuses
// that command can return. The examples and statuses of all commands are
// kept here, together, because a test runs every example line exactly as
// written (TestHelpExamplesRun) and checks every help fits 80 columns.

// helpWidth is the width help text keeps within.
const helpWidth = 80

// examples are the Examples sections, by command path without the
// program's name, of the commands that set none themselves. A line
// starting with "cyberintake" is a command a test runs; "#" lines explain.
var examples = map[string]string{
	"": `  cyberintake ingest replies.mbox
  cyberintake list --needs-review
  cyberintake show 8-21045-32-117`,
	"parse": `  cyberintake parse reply.eml
  cyberintake parse --json reply.eml`,
	"ingest": `  cyberintake ingest replies.mbox
  cyberintake ingest --json Maildir reply.eml`,
	"reprocess": `  cyberintake reprocess --outdated --dry-run
  cyberintake reprocess --lab 43109`,
	"list": `  cyberintake list --lab 82104532117
  cyberintake list --tag cause=phishing --since 2021-01-01
  cyberintake list --text ransomware rdp
  cyberintake list --incident-since 2021-01-01 --incident-until 2021-03-31
  cyberintake list --needs-review --reverse --limit 20 --json`,
	"show": `  cyberintake show 12
  cyberintake show --raw 12
  cyberintake show "Klinik Ourtal"`,
	"export": `  cyberintake export -o reports.csv
  cyberintake export --format ndjson --language nl
  cyberintake export --format xlsx -o reports.xlsx
  cyberintake export --format csv --sep ';' -o reports-excel.csv`,
	"followup": `  cyberintake followup 17782 --out followup-17782.eml
  cyberintake followup --all --dir drafts
  cyberintake followup --all --to-drafts --config serve.conf`,
	"stats": `  cyberintake stats
  cyberintake stats --since 2021-02-01 --until 2021-02-28 --json`,
	"labs": `  cyberintake labs
  cyberintake labs --json`,
	"review": `  cyberintake review
  cyberintake review --lab 43109 --json`,
	"backup": `  cyberintake backup cyberintake-copy.db
  cyberintake --db cyberintake-copy.db verify`,
	"serve": `  # serve.conf: imap-addr, user, password-file, ... (see --help above)
  cyberintake serve --config serve.conf --check
  cyberintake serve --config serve.conf --once`,
	"demo":                  `  cyberintake demo`,
	"man":                   `  cyberintake man man1`,
	"help":                  `  cyberintake help list`,
	"completion":            `  cyberintake completion bash`,
	"completion bash":       `  cyberintake completion bash`,
	"completion zsh":        `  cyberintake completion zsh`,
	"completion fish":       `  cyberintake completion fish`,
	"completion powershell": `  cyberintake completion powershell`,
}

// exitStatuses are the statuses each command can return (see exit.go);
// the root's help lists them all.
// Every command that opens the store can find it busy or damaged; those
// that read many records go on past a damaged one (partial).
var exitStatuses = map[string][]int{
	"parse":     {exitOK, exitFailure, exitUsage, exitPartial},
	"ingest":    {exitOK, exitFailure, exitUsage, exitBusy, exitPartial, exitDamaged},
	"reprocess": {exitOK, exitFailure, exitUsage, exitBusy, exitPartial, exitDamaged},
	"list":      {exitOK, exitFailure, exitUsage, exitBusy, exitPartial, exitDamaged},
	"show":      {exitOK, exitFailure, exitUsage, exitBusy, exitDamaged},
	"export":    {exitOK, exitFailure, exitUsage, exitBusy, exitPartial, exitDamaged},
	"stats":     {exitOK, exitFailure, exitUsage, exitBusy, exitPartial, exitDamaged},
	"labs":      {exitOK, exitFailure, exitUsage, exitBusy, exitPartial, exitDamaged},
	"followup":  {exitOK, exitFailure, exitUsage, exitBusy, exitPartial, exitDamaged},
	"backup":    {exitOK, exitFailure, exitUsage, exitBusy, exitDamaged},
	"verify":    {exitOK, exitFailure, exitUsage, exitBusy, exitPartial, exitDamaged}, // 4: --salvage lost messages
	"serve":     {exitOK, exitFailure, exitUsage, exitBusy, exitDamaged},
	"review":    {exitOK, exitFailure, exitUsage, exitBusy, exitDamaged},
	"correct":   {exitOK, exitFailure, exitUsage, exitBusy, exitDamaged},
	"accept":    {exitOK, exitFailure, exitUsage, exitBusy, exitDamaged},
	"demo":      {exitOK, exitFailure, exitUsage},
	"man":       {exitOK, exitFailure, exitUsage},
}

// flagHints complete the error for a flag that does not exist but that
// people try.
var flagHints = map[string]string{
	"password": "use --password-file FILE or $CYBERINTAKE_IMAP_PASSWORD: a password on the command line is visible to every user in ps",
}

// usageTemplate is cobra's, with the flags wrapped to helpWidth.
const usageTemplate = `Usage:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if .HasExample}}

Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Available Commands:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flags:
{{wrappedFlags .LocalFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Global Flags:
{{wrappedFlags .InheritedFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

Use "{{.CommandPath}} [command] --help" for more information about a command.{{end}}
`

// cobra's template functions are one map for the process: registered once,
// not by every newRoot (tests build many trees at the same time).
func init() {
	cobra.AddTemplateFunc("wrappedFlags", func(f interface{ FlagUsagesWrapped(int) string }) string {
		return f.FlagUsagesWrapped(helpWidth)
	})
}

// setupHelp gives every command of the tree its examples, the help and
// usage templates, and the version.
func setupHelp(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.SetHelpFunc(writeHelp)
	root.SetUsageTemplate(usageTemplate)
	v := version()
	root.Version = v.Version
	root.SetVersionTemplate(fmt.Sprintf("cyberintake %s\n", v))
	walk(root, func(c *cobra.Command) {
		if ex, ok := examples[commandKey(c)]; ok && c.Example == "" {
			c.Example = ex
		}
	})
}

// writeHelp prints what the command does, its usage with examples and
// flags, and its exit statuses, each line within helpWidth (cobra's own
// texts, of the completion commands, are wrapped too).
func writeHelp(c *cobra.Command, _ []string) {
	var b strings.Builder
	if s := strings.TrimRightFunc(cmp.Or(c.Long, c.Short), unicode.IsSpace); s != "" {
		b.WriteString(s + "\n\n")
	}
	if c.Runnable() || c.HasSubCommands() {
		b.WriteString(c.UsageString())
	}
	b.WriteString(exitStatusSection(c))
	io.WriteString(c.OutOrStdout(), fitLines(b.String(), helpWidth))
}

// fitLines wraps the lines longer than width at spaces, continuing at the
// line's indentation; tabs become 8 spaces.
func fitLines(s string, width int) string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(s, "\t", "        "), "\n") {
		body := strings.TrimLeft(line, " ")
		indent := line[:len(line)-len(body)]
		for _, l := range wrapText(body, width-len(indent)) {
			out = append(out, indent+l)
		}
	}
	return strings.Join(out, "\n")
}

func walk(c *cobra.Command, fn func(*cobra.Command)) {
	fn(c)
	for _, sub := range c.Commands() {
		walk(sub, fn)
	}
}

// commandKey is the command's path without the program's name.
func commandKey(c *cobra.Command) string {
	return strings.TrimPrefix(strings.TrimPrefix(c.CommandPath(), c.Root().Name()), " ")
}

// exitStatusSection renders the entries of exitStatusHelp that c can
// return: all of them for the root, 0 to 2 for cobra's own commands. An
// entry is a line "  N  text" and the more indented lines that continue it.
func exitStatusSection(c *cobra.Command) string {
	codes, ok := exitStatuses[commandKey(c)]
	if !ok && c.HasParent() {
		codes = []int{exitOK, exitFailure, exitUsage}
	}
	var b strings.Builder
	keep := false
	for _, line := range strings.Split(exitStatusHelp, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
		case !strings.HasPrefix(line, " "):
			b.WriteString("\n" + line + "\n") // the heading
		case strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "   "):
			code, err := strconv.Atoi(f[0])
			keep = err == nil && (!c.HasParent() || slices.Contains(codes, code))
			fallthrough
		default:
			if keep {
				b.WriteString(line + "\n")
			}
		}
	}
	return b.String()
}

// buildVersion is what --version prints: the module version (a tag when
// built with go install module@version, "(devel)" from a checkout) and the
// VCS revision that go build records.
type buildVersion struct {
	Version, Revision, Time, Go string
	Modified                    bool
}

func version() buildVersion {
	v := buildVersion{Version: "(unknown)"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	v.Version, v.Go = bi.Main.Version, bi.GoVersion
	if v.Version == "" {
		v.Version = "(devel)"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

func (v buildVersion) String() string {
	s := v.Version
	if v.Revision != "" {
		s += ", revision " + v.Revision
		if v.Modified {
			s += " (modified)"
		}
		if v.Time != "" {
			s += ", " + v.Time
		}
	}
	if v.Go != "" {
		s += ", " + v.Go
	}
	return s
}
