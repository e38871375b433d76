"""Floor for bench/startup.py: the least a PySide6 program does to put a window on screen.

Same exit rule as the program under LOKET_EXIT_ON_FIRST_WINDOW: quit once the window has
painted for the first time.
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel


def painted():
    print(f"first-paint {time.time_ns()}", file=sys.stderr, flush=True)
    QApplication.quit()


class QuitOnFirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, painted)
        return False


app = QApplication(sys.argv)
window = QLabel("Loket Vokasi")
window.resize(420, 320)
watcher = QuitOnFirstPaint()
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
