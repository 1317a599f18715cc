// mapwait NAME CMD [ARG...] starts CMD and prints, once a top-level window
// titled NAME is mapped, the milliseconds since the start and CMD's pid.
// CMD keeps running. make bench uses it instead of polling with xdotool:
// each poll is a process of its own, and on a two-core machine those
// processes take CPU from the program being measured.
//
// Exit status: 0 mapped, 1 CMD exited first or 30 s passed, 2 usage.
#define _POSIX_C_SOURCE 200809L
#include <X11/Xlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int named(Display *d, Window w, const char *name) {
	char *got = NULL;
	int ok = XFetchName(d, w, &got) && got && strcmp(got, name) == 0;
	if (got) XFree(got);
	return ok;
}

int main(int argc, char **argv) {
	if (argc < 3) {
		fprintf(stderr, "usage: mapwait NAME CMD [ARG...]\n");
		return 2;
	}
	Display *d = XOpenDisplay(NULL);
	if (!d) {
		fprintf(stderr, "mapwait: cannot open display\n");
		return 1;
	}
	// Without a window manager, top-level windows are the root's children,
	// so their MapNotify arrives with SubstructureNotify on the root.
	XSelectInput(d, DefaultRootWindow(d), SubstructureNotifyMask);
	XSync(d, False);

	double start = now_ms();
	pid_t pid = fork();
	if (pid < 0) {
		perror("mapwait: fork");
		return 1;
	}
	if (pid == 0) {
		close(ConnectionNumber(d));
		dup2(2, 1); // stdout carries only mapwait's own line
		execvp(argv[2], argv + 2);
		perror("mapwait: exec");
		_exit(127);
	}

	int fd = ConnectionNumber(d);
	while (now_ms() - start < 30000) {
		while (XPending(d)) {
			XEvent ev;
			XNextEvent(d, &ev);
			if (ev.type == MapNotify && named(d, ev.xmap.window, argv[1])) {
				printf("%.1f %d\n", now_ms() - start, (int)pid);
				return 0;
			}
		}
		if (waitpid(pid, NULL, WNOHANG) == pid) {
			fprintf(stderr, "mapwait: %s exited before its window was mapped\n", argv[2]);
			return 1;
		}
		fd_set fds;
		FD_ZERO(&fds);
		FD_SET(fd, &fds);
		struct timeval tv = {0, 50000};
		select(fd + 1, &fds, NULL, NULL, &tv);
	}
	fprintf(stderr, "mapwait: no window %s after 30 s\n", argv[1]);
	return 1;
}
