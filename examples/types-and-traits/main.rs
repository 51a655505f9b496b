//! Three shapes and one trait: a type is a Shape only where it says `impl Shape`.

use std::f64::consts::PI;

trait Shape {
    fn area(&self) -> f64;
    fn describe(&self) -> String;
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Circle {
    radius: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Rectangle {
    width: f64,
    height: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Triangle {
    base: f64,
    height: f64,
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        PI * self.radius.powi(2)
    }
    fn describe(&self) -> String {
        format!("circle, radius {:.1}", self.radius)
    }
}

impl Shape for Rectangle {
    fn area(&self) -> f64 {
        self.width * self.height
    }
    fn describe(&self) -> String {
        format!("rectangle, {:.1} by {:.1}", self.width, self.height)
    }
}

impl Shape for Triangle {
    fn area(&self) -> f64 {
        self.base * self.height / 2.0
    }
    fn describe(&self) -> String {
        format!("triangle, base {:.1}, height {:.1}", self.base, self.height)
    }
}

fn total_area(shapes: &[Box<dyn Shape>]) -> f64 {
    shapes.iter().map(|shape| shape.area()).sum()
}

fn main() {
    let circle = Circle { radius: 1.5 };
    let mut shapes: Vec<Box<dyn Shape>> = vec![
        Box::new(circle), // Circle is Copy: the box gets a copy and `circle` stays usable
        Box::new(Rectangle {
            width: 3.0,
            height: 2.0,
        }),
        Box::new(Triangle {
            base: 3.0,
            height: 2.5,
        }),
    ];
    shapes.sort_by(|a, b| a.area().total_cmp(&b.area()));
    for shape in &shapes {
        println!("{:<30} area {:6.2}", shape.describe(), shape.area());
    }
    println!("{:<30} area {:6.2}", "total", total_area(&shapes));
    // #[derive(PartialEq)] wrote `==` from the fields, so equal values compare equal.
    let same = circle == Circle { radius: 1.5 };
    println!(
        "two circles of radius 1.5 are equal: {}",
        if same { "yes" } else { "no" }
    );
}
