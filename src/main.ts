/** The app's entry: global styles and the shell component. Everything heavy loads later. */
import 'katex/dist/katex.min.css';
import './ui/app.css';
import './ui/dp-app.ts';
